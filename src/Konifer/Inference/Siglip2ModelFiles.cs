namespace Konifer.Inference;

/// <summary>
/// Where the SigLIP2 towers and their tokenizer are read from: one directory with <c>vision_model.onnx</c>,
/// <c>text_model.onnx</c> and the SentencePiece <c>tokenizer.model</c> (docs/rules.md, "Model files"). Nothing is
/// downloaded at run time.
/// </summary>
public sealed record Siglip2ModelFiles(string Directory)
{
    /// <summary>The reference's directory, relative to the working directory (<c>/app</c> in the container).</summary>
    public const string DefaultDirectory = "models/siglip2-base-patch16-224";

    /// <summary>The name prompt embeddings are cached under (the reference's, so a shared table stays valid).</summary>
    public const string ModelName = "SIGLIP2_BASE_PATCH16_224_TEXT";

    public const string VisionModelName = "vision_model.onnx";
    public const string TextModelName = "text_model.onnx";
    public const string TokenizerName = "tokenizer.model";

    public string VisionModel => Path.Combine(Directory, VisionModelName);
    public string TextModel => Path.Combine(Directory, TextModelName);
    public string Tokenizer => Path.Combine(Directory, TokenizerName);

    /// <summary>
    /// The files under <paramref name="configured"/> (<c>rules.model-dir</c>), relative to
    /// <paramref name="currentDirectory"/>. The default directory falls back to <c>../models/…</c> when it is not
    /// there, as the reference does (a server started from a subdirectory of a checkout).
    /// </summary>
    public static Siglip2ModelFiles Locate(string configured, string currentDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configured);
        var primary = System.IO.Path.GetFullPath(configured, currentDirectory);
        if (configured != DefaultDirectory || System.IO.Directory.Exists(primary)) return new Siglip2ModelFiles(primary);
        var parent = System.IO.Path.GetFullPath(System.IO.Path.Combine("..", configured), currentDirectory);
        return new Siglip2ModelFiles(System.IO.Directory.Exists(parent) ? parent : primary);
    }

    /// <summary>Throws when any of the three files is missing, naming each one and the directory.</summary>
    public void Check() => CheckFiles(VisionModel, TextModel, Tokenizer);

    /// <summary>Throws when any of <paramref name="files"/> is missing: a tower checks only what it loads.</summary>
    internal void CheckFiles(params string[] files)
    {
        var missing = files.Where(f => !File.Exists(f)).Select(Path.GetFileName).ToArray();
        if (missing.Length == 0) return;
        var directory = Path.GetFullPath(Directory);
        throw new FileNotFoundException(
            $"SigLIP2 model file{(missing.Length == 1 ? "" : "s")} not found at '{directory}': {string.Join(", ", missing)}. " +
            $"The directory must contain {VisionModelName}, {TextModelName} and {TokenizerName} " +
            "(see docs/rules.md, \"Model files\"; set rules.model-dir or KONIFER_MODEL_DIR to another directory).",
            Path.Combine(directory, missing[0]!));
    }
}
