namespace Konifer.Imaging;

/// <summary>libvips cannot serve every advertised format; the one-line message names the codecs and the likely cause.</summary>
public sealed class VipsStartupException(string message) : Exception(message);
