namespace Konifer.Paths;

/// <summary>Decision of an upload ruleset when no accept or reject rule matches.</summary>
public enum UploadDecision
{
    Accept,
    Reject,
}
