using Konifer.Rules;

namespace Konifer.Configuration;

/// <summary>
/// The global settings of upload rules: <c>rule-definitions</c>, <c>api.rule-evaluation.enabled</c> and ours under
/// <c>rules</c> (where the SigLIP2 model files are, and the bounded pool inference runs in).
/// </summary>
public sealed record RulesSettings
{
    /// <summary>The reference's fixed directory, relative to the working directory (<c>/app</c> in the container).</summary>
    public const string DefaultModelDir = "models/siglip2-base-patch16-224";

    /// <summary><c>rule-definitions</c>, in configuration order.</summary>
    public RuleDefinitions Definitions { get; init; } = RuleDefinitions.None;

    /// <summary><c>api.rule-evaluation.enabled</c>: whether <c>POST /rule-evaluations</c> exists (off: it is expensive).</summary>
    public bool RuleEvaluationEnabled { get; init; }

    /// <summary><c>rules.model-dir</c> (or <c>KONIFER_MODEL_DIR</c>): holds vision_model.onnx, text_model.onnx and tokenizer.model; an absolute path once read (Hosting/RuleModelLocation).</summary>
    public string ModelDir { get; init; } = DefaultModelDir;

    /// <summary><c>rules.inference</c>.</summary>
    public RuleInferenceSettings Inference { get; init; } = new();

    /// <summary>Whether some <c>paths</c> block sets <c>search.enabled = true</c> (derived from the paths, not a key of its own).</summary>
    public bool SearchEnabled { get; init; }

    /// <summary>Whether anything needs the model: definitions to evaluate, the evaluation API or search.</summary>
    public bool UsesModel => Definitions.Count > 0 || RuleEvaluationEnabled || SearchEnabled;
}
