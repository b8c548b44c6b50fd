using Konifer.Inference;

namespace Konifer.Tests.Inference;

[Collection(Siglip2Collection.Name)]
public sealed class Siglip2ModelFilesTests(TinySiglip2 model) : IDisposable
{
    private readonly string _empty = Directory.CreateTempSubdirectory("konifer-no-model-").FullName;

    public void Dispose() => Directory.Delete(_empty, recursive: true);

    [Fact]
    public void Missing_files_are_named_with_the_directory()
    {
        File.Copy(Path.Combine(model.Directory, "text_model.onnx"), Path.Combine(_empty, "text_model.onnx"));

        var error = Assert.Throws<FileNotFoundException>(new Siglip2ModelFiles(_empty).Check);

        Assert.StartsWith($"SigLIP2 model files not found at '{_empty}': vision_model.onnx, tokenizer.model.", error.Message);
        Assert.Equal(Path.Combine(_empty, "vision_model.onnx"), error.FileName);
    }

    [Fact]
    public void A_complete_directory_passes_and_the_default_is_the_references()
    {
        new Siglip2ModelFiles(model.Directory).Check();

        Assert.Equal("models/siglip2-base-patch16-224", InferenceSettings.Default.ModelDirectory);
        Assert.Equal(Path.Combine("models/siglip2-base-patch16-224", "vision_model.onnx"), new Siglip2ModelFiles(Siglip2ModelFiles.DefaultDirectory).VisionModel);
    }

    [Fact]
    public async Task A_tower_whose_files_are_missing_fails_on_use_naming_them()
    {
        using var runtime = new Siglip2Runtime(new InferenceSettings(_empty));

        var image = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            new Siglip2ImageEmbedder(runtime).EmbedImageAsync(Path.Combine(model.Directory, "none.png"), CancellationToken.None));
        var text = await Assert.ThrowsAsync<FileNotFoundException>(() =>
            new Siglip2TextEmbedder(runtime).EmbedPromptsAsync(["a cat"], CancellationToken.None));

        Assert.Contains("file not found", image.Message, StringComparison.Ordinal);
        Assert.Contains(": vision_model.onnx.", image.Message, StringComparison.Ordinal);
        Assert.Contains(": text_model.onnx, tokenizer.model.", text.Message, StringComparison.Ordinal);
    }
}
