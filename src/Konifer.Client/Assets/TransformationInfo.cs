namespace Konifer.Client;

/// <summary>A generated variant's canonical transformation, in the server's words (lower-case names).</summary>
public sealed record TransformationInfo(
    int Width,
    int Height,
    string Fit,
    string Gravity,
    string Format,
    string Rotate,
    string Flip,
    string Filter,
    int Blur,
    int Quality,
    PaddingInfo Padding,
    IReadOnlyList<string> Strip,
    string ColorSpace);

/// <summary>A border in pixels and its colour as [r, g, b, a] (empty when the format's default applies).</summary>
public sealed record PaddingInfo(int Amount, IReadOnlyList<int> Color);
