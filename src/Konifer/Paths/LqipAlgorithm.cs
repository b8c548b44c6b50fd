namespace Konifer.Paths;

/// <summary>Low-quality image placeholder algorithms (<c>image.lqip</c>).</summary>
public enum LqipAlgorithm
{
    Blurhash,
    Thumbhash,
}
