namespace Konifer.Configuration;

/// <summary>
/// What a credential may do under its path patterns (<c>auth.api-keys[].scopes</c>, a JWT's scope claim): read is
/// GET/HEAD when <c>auth.require-for-reads</c> is on, write is store (POST), update (PUT) and rule evaluation, delete
/// is DELETE. Spelt in konifer.conf and tokens as the lower-case name.
/// </summary>
public enum AuthScope { Read, Write, Delete }
