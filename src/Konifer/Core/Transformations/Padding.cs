namespace Konifer.Core.Transformations;

/// <summary>A border of <see cref="Amount"/> pixels on every side. Colour is null when there is no padding.</summary>
public sealed record Padding(int Amount, Rgba? Color)
{
    public static Padding None { get; } = new(0, null);
}
