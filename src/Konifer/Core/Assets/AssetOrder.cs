namespace Konifer.Core.Assets;

public enum AssetOrder
{
    /// <summary>Newest created first (highest entry id first).</summary>
    New,
    /// <summary>Most recently modified first.</summary>
    Modified,
}
