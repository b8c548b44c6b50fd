namespace Konifer.Rules;

/// <summary>An accepted upload: the labels to store it with, and the image embedding when the rules computed one (so search need not run the image tower again).</summary>
public sealed record UploadScreeningResult(IReadOnlyDictionary<string, string> Labels, float[]? ImageEmbedding);
