// Hand-written port of fdlibm's cos (s_cos.c, k_cos.c, k_sin.c and the small and medium ranges of e_rem_pio2.c).
// Why: the reference BlurHash and ThumbHash encoders run on V8, whose Math.cos is fdlibm; .NET's Math.Cos is the
// platform libm, which differs in the last bit for a few percent of the angles these encoders use (and differs
// again between Linux, Windows and macOS). ThumbHash divides its AC terms by their largest one, so for flat images
// that last-bit noise becomes visible nibbles of the hash. Managed double arithmetic makes our hashes the same on
// every platform and equal to the reference's. No NuGet package served here offers fdlibm.
//
// ====================================================
// Copyright (C) 1993 by Sun Microsystems, Inc. All rights reserved.
//
// Developed at SunSoft, a Sun Microsystems, Inc. business.
// Permission to use, copy, modify, and distribute this
// software is freely granted, provided that this notice
// is preserved.
// ====================================================
namespace Konifer.LqipEncoders;

/// <summary>Cosine, bit for bit as JavaScript engines built on fdlibm compute it.</summary>
internal static class FdlibmCosine
{
    private const double InvPio2 = 6.36619772367581382433e-01;
    private const double Pio2_1 = 1.57079632673412561417e+00;
    private const double Pio2_1t = 6.07710050650619224932e-11;
    private const double Pio2_2 = 6.07710050630396597660e-11;
    private const double Pio2_2t = 2.02226624879595063154e-21;
    private const double Pio2_3 = 2.02226624871116645580e-21;
    private const double Pio2_3t = 8.47842766036889956997e-32;

    // High words of n·π/2 for n = 1..32: an argument this close to a multiple of π/2 needs the longer reduction.
    private static readonly int[] MultiplesOfHalfPiHighWords =
    [
        0x3FF921FB, 0x400921FB, 0x4012D97C, 0x401921FB, 0x401F6A7A, 0x4022D97C, 0x4025FDBB, 0x402921FB,
        0x402C463A, 0x402F6A7A, 0x4031475C, 0x4032D97C, 0x40346B9C, 0x4035FDBB, 0x40378FDB, 0x403921FB,
        0x403AB41B, 0x403C463A, 0x403DD85A, 0x403F6A7A, 0x40407E4C, 0x4041475C, 0x4042106C, 0x4042D97C,
        0x4043A28C, 0x40446B9C, 0x404534AC, 0x4045FDBB, 0x4046C6CB, 0x40478FDB, 0x404858EB, 0x404921FB,
    ];

    public static double Cos(double x)
    {
        var ix = HighWord(x) & 0x7FFFFFFF;
        if (ix <= 0x3FE921FB) return KernelCos(x, 0);
        if (ix >= 0x7FF00000) return x - x;
        // Beyond 2^19·π/2 fdlibm needs a multi-precision reduction; the encoders never get near such angles.
        if (ix > 0x413921FB) return Math.Cos(x);
        var n = ReduceByHalfPi(x, out var y0, out var y1);
        return (n & 3) switch
        {
            0 => KernelCos(y0, y1),
            1 => -KernelSin(y0, y1),
            2 => -KernelCos(y0, y1),
            _ => KernelSin(y0, y1),
        };
    }

    /// <summary>x − n·π/2 as the sum y0 + y1, for |x| up to 2^19·π/2; returns n.</summary>
    private static int ReduceByHalfPi(double x, out double y0, out double y1)
    {
        var hx = HighWord(x);
        var ix = hx & 0x7FFFFFFF;
        if (ix < 0x4002D97C)
        {
            var sign = hx > 0 ? 1 : -1;
            var z = x - sign * Pio2_1;
            if (ix != 0x3FF921FB)
            {
                y0 = z - sign * Pio2_1t;
                y1 = (z - y0) - sign * Pio2_1t;
            }
            else
            {
                z -= sign * Pio2_2;
                y0 = z - sign * Pio2_2t;
                y1 = (z - y0) - sign * Pio2_2t;
            }
            return sign;
        }

        var t = Math.Abs(x);
        var n = (int)(t * InvPio2 + 0.5);
        double fn = n;
        var r = t - fn * Pio2_1;
        var w = fn * Pio2_1t;
        if (n < 32 && ix != MultiplesOfHalfPiHighWords[n - 1])
        {
            y0 = r - w;
        }
        else
        {
            var j = ix >> 20;
            y0 = r - w;
            var i = j - ((HighWord(y0) >> 20) & 0x7FF);
            if (i > 16)
            {
                t = r;
                w = fn * Pio2_2;
                r = t - w;
                w = fn * Pio2_2t - ((t - r) - w);
                y0 = r - w;
                i = j - ((HighWord(y0) >> 20) & 0x7FF);
                if (i > 49)
                {
                    t = r;
                    w = fn * Pio2_3;
                    r = t - w;
                    w = fn * Pio2_3t - ((t - r) - w);
                    y0 = r - w;
                }
            }
        }
        y1 = (r - y0) - w;
        if (hx >= 0) return n;
        y0 = -y0;
        y1 = -y1;
        return -n;
    }

    /// <summary>cos(x + y) for |x| ≤ π/4, y the tail of x.</summary>
    private static double KernelCos(double x, double y)
    {
        const double c1 = 4.16666666666666019037e-02;
        const double c2 = -1.38888888888741095749e-03;
        const double c3 = 2.48015872894767294178e-05;
        const double c4 = -2.75573143513906633035e-07;
        const double c5 = 2.08757232129817482790e-09;
        const double c6 = -1.13596475577881948265e-11;

        var ix = HighWord(x) & 0x7FFFFFFF;
        if (ix < 0x3E400000 && (int)x == 0) return 1.0;
        var z = x * x;
        var r = z * (c1 + z * (c2 + z * (c3 + z * (c4 + z * (c5 + z * c6)))));
        if (ix < 0x3FD33333) return 1.0 - (0.5 * z - (z * r - x * y));
        var qx = ix > 0x3FE90000 ? 0.28125 : BitConverter.Int64BitsToDouble((long)(ix - 0x00200000) << 32);
        var iz = 0.5 * z - qx;
        var a = 1.0 - qx;
        return a - (iz - (z * r - x * y));
    }

    /// <summary>sin(x + y) for |x| ≤ π/4, y the tail of x.</summary>
    private static double KernelSin(double x, double y)
    {
        const double s1 = -1.66666666666666324348e-01;
        const double s2 = 8.33333333332248946124e-03;
        const double s3 = -1.98412698298579493134e-04;
        const double s4 = 2.75573137070700676789e-06;
        const double s5 = -2.50507602534068634195e-08;
        const double s6 = 1.58969099521155010221e-10;

        var ix = HighWord(x) & 0x7FFFFFFF;
        if (ix < 0x3E400000 && (int)x == 0) return x;
        var z = x * x;
        var v = z * x;
        var r = s2 + z * (s3 + z * (s4 + z * (s5 + z * s6)));
        return x - ((z * (0.5 * y - v * r) - y) - v * s1);
    }

    private static int HighWord(double x) => (int)(BitConverter.DoubleToInt64Bits(x) >> 32);
}
