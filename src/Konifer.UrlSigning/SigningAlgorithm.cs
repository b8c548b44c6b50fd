namespace Konifer.UrlSigning;

/// <summary>The HMAC hash of a URL signature (<c>url-signing.algorithm</c>).</summary>
public enum SigningAlgorithm { HmacSha256, HmacSha384, HmacSha512 }
