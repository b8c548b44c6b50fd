namespace Konifer.Configuration;

/// <summary>How a secret setting is shown wherever settings are printed: whether it is set, never its value.</summary>
public static class Secret
{
    public static string Mask(string? value) => string.IsNullOrEmpty(value) ? "(not set)" : "***";
}
