using Konifer.Rules;
using Konifer.Storage.Metadata;
using Microsoft.Extensions.Logging.Abstractions;

namespace Konifer.Tests.Rules;

/// <summary>
/// The rules domain over towers that know four concepts, one axis each: a prompt about a concept embeds to that axis,
/// and the image shows <paramref name="imageConcept"/>; so a rule matches exactly when one of its prompts names it.
/// </summary>
internal sealed class RulesHarness : IDisposable
{
    public static readonly string[] Concepts = ["cat", "dog", "blood", "product"];

    public RulesHarness(string imageConcept = "cat", IPromptEmbeddingStore? store = null)
    {
        Store = store ?? new InMemoryPromptEmbeddingStore();
        Text = new FixedTextEmbedder(Concepts.Select((c, i) => (RulePrompt.Normalize(c), Axis(i))).ToDictionary(p => p.Item1, p => p.Item2));
        Image = new FixedImageEmbedder(Axis(Array.IndexOf(Concepts, imageConcept)));
        Prompts = new PromptEmbeddings(Text, Store, NullLogger<PromptEmbeddings>.Instance);
        Evaluator = new RuleEvaluator(Image, Prompts);
    }

    public IPromptEmbeddingStore Store { get; }

    public FixedTextEmbedder Text { get; }

    public FixedImageEmbedder Image { get; }

    public PromptEmbeddings Prompts { get; }

    public RuleEvaluator Evaluator { get; }

    public UploadScreening Screening(params RuleDefinition[] definitions) => new(new RuleDefinitions(definitions), Evaluator);

    /// <summary>A rule named as its concept, matching images of it.</summary>
    public static RuleDefinition Rule(string concept) => RuleDefinition.Create(concept, [concept], 0.5);

    private static float[] Axis(int index)
    {
        var vector = new float[Concepts.Length];
        vector[index] = 1f;
        return vector;
    }

    public void Dispose() => Prompts.Dispose();
}
