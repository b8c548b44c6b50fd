namespace Konifer.Assets;

public enum AssetSource
{
    Upload,
    Url,
}
