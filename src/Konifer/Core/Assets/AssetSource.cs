namespace Konifer.Core.Assets;

public enum AssetSource
{
    Upload,
    Url,
}
