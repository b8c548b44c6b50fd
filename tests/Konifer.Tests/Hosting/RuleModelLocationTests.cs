using Konifer.Configuration;
using Konifer.Hosting;
using Konifer.Tests.Configuration;
using Konifer.Tests.Inference;

namespace Konifer.Tests.Hosting;

/// <summary>
/// Where the rule model is read from, and that a configuration needing it does not start without it (issue 15: a
/// rule that silently screens nothing is the worst kind of gap).
/// </summary>
[Collection(Siglip2Collection.Name)]
public sealed class RuleModelLocationTests(TinySiglip2 model) : IDisposable
{
    private const string Rules = """
        rule-definitions { cat { prompts = ["a cat"], threshold = 0.5 } }
        paths { "/photos/**" { upload-ruleset.reject-rules = [ { rule = cat } ] } }

        """;

    private readonly string workingDirectory = Directory.CreateTempSubdirectory("konifer-cwd-").FullName;

    private KoniferConfiguration Resolve(string text) =>
        RuleModelLocation.Resolve(HoconConfiguration.Read(HoconConfiguration.InMemoryStores + text), workingDirectory);

    [Fact]
    public void Rules_without_the_model_files_stop_start_up_naming_the_directory_and_every_missing_file()
    {
        var error = Assert.Throws<ConfigurationException>(() => Resolve(Rules));

        Assert.Equal("rules.model-dir", error.Key);
        Assert.Contains(Path.Combine(workingDirectory, RulesSettings.DefaultModelDir), error.Message, StringComparison.Ordinal);
        Assert.Contains("vision_model.onnx, text_model.onnx, tokenizer.model", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("rule-definitions needs the model.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evaluation_api_alone_needs_the_model_too()
    {
        var error = Assert.Throws<ConfigurationException>(() => Resolve("api.rule-evaluation.enabled = true"));

        Assert.EndsWith("api.rule-evaluation.enabled needs the model.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_path_with_search_enabled_needs_the_model_too()
    {
        var error = Assert.Throws<ConfigurationException>(() => Resolve("""paths { "/photos/**" { search.enabled = true } }"""));

        Assert.Equal("rules.model-dir", error.Key);
        Assert.EndsWith("search.enabled (in paths) needs the model.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_single_missing_file_is_named_alone()
    {
        var directory = CopyOfModel();
        File.Delete(Path.Combine(directory, "text_model.onnx"));

        var error = Assert.Throws<ConfigurationException>(() => Resolve(Rules + $"rules.model-dir = \"{directory}\""));

        Assert.Contains("file not found", error.Message, StringComparison.Ordinal);
        Assert.Contains(": text_model.onnx.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_rules_no_model_is_needed_and_the_directory_is_only_resolved()
    {
        var configuration = Resolve("");

        Assert.False(configuration.Rules.UsesModel);
        Assert.Equal(Path.Combine(workingDirectory, RulesSettings.DefaultModelDir), configuration.Rules.ModelDir);
    }

    [Fact]
    public void A_relative_model_dir_is_read_from_the_working_directory()
    {
        var directory = CopyOfModel(Path.Combine(workingDirectory, "my-model"));

        var configuration = Resolve(Rules + "rules.model-dir = my-model");

        Assert.Equal(directory, configuration.Rules.ModelDir);
    }

    [Fact]
    public void The_default_directory_is_also_found_one_level_up_as_the_reference_looks_for_it()
    {
        var directory = CopyOfModel(Path.Combine(workingDirectory, "models", "siglip2-base-patch16-224"));
        var subdirectory = Directory.CreateDirectory(Path.Combine(workingDirectory, "server")).FullName;

        var configuration = RuleModelLocation.Resolve(HoconConfiguration.Read(HoconConfiguration.InMemoryStores + Rules), subdirectory);

        Assert.Equal(directory, configuration.Rules.ModelDir);
    }

    private string CopyOfModel(string? target = null)
    {
        target ??= Path.Combine(workingDirectory, "copy");
        Directory.CreateDirectory(target);
        foreach (var file in new[] { "vision_model.onnx", "text_model.onnx", "tokenizer.model" })
            File.Copy(Path.Combine(model.Directory, file), Path.Combine(target, file));
        return target;
    }

    public void Dispose() => Directory.Delete(workingDirectory, recursive: true);
}
