namespace Konifer.Configuration;

public enum SigningAlgorithm { HmacSha256, HmacSha384, HmacSha512 }
