namespace Konifer.UrlSigning;

/// <summary>What <see cref="UrlSigner.Check"/> found; only <see cref="Valid"/> is served.</summary>
public enum SignatureCheck
{
    Valid,

    /// <summary>No <c>s</c>, or an empty one.</summary>
    Missing,

    /// <summary><c>s</c> matches none of the keys: a changed path, parameter or <c>exp</c>, or an unknown key.</summary>
    Invalid,

    /// <summary>Correctly signed, but its <c>exp</c> has passed.</summary>
    Expired,

    /// <summary>Correctly signed, but <c>exp</c> is not a whole number of unix seconds.</summary>
    MalformedExpiry,
}
