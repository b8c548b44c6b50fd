namespace Konifer.Rules;

/// <summary>One prompt's score, the prompt as the client wrote it (without the template prefix).</summary>
public sealed record PromptScore(string Prompt, double Score);
