using System.Buffers.Binary;
using System.Text;

namespace ConfigRules.Testing;

/// <summary>
/// Reads what a 64-bit little-endian ELF executable needs from its shared libraries: the machine it is built
/// for and the symbol versions of its <c>.gnu.version_r</c> section (e.g. <c>GLIBC_2.34</c> from
/// <c>libc.so.6</c>), as <c>readelf -V</c> shows them. That is how to check that a binary runs on an older
/// glibc (Lambda's provided.al2023 has 2.34) without running it there.
/// </summary>
public sealed record ElfVersionNeeds(ushort Machine, IReadOnlyList<(string File, string Version)> Needs)
{
    public const ushort MachineX86_64 = 62;
    public const ushort MachineAArch64 = 183;

    private const uint SectionTypeVersionNeeds = 0x6ffffffe;

    /// <summary>The highest <c>GLIBC_x.y</c> version needed, or null when none is.</summary>
    public Version? HighestGlibc => Needs
        .Where(need => need.Version.StartsWith("GLIBC_", StringComparison.Ordinal) && char.IsAsciiDigit(need.Version[6]))
        .Select(need => Version.Parse(need.Version["GLIBC_".Length..]))
        .DefaultIfEmpty()
        .Max();

    public static ElfVersionNeeds Read(string path)
    {
        var elf = File.ReadAllBytes(path);
        if (elf.Length < 64 || !elf.AsSpan(0, 4).SequenceEqual("\u007fELF"u8))
            throw new InvalidDataException($"{path} is not an ELF file.");
        if (elf[4] != 2 || elf[5] != 1)
            throw new InvalidDataException($"{path} is not a 64-bit little-endian ELF file (class {elf[4]}, data {elf[5]}).");

        var machine = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x12));
        var sectionTable = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(0x28)));
        var entrySize = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3A));
        var count = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(0x3C));

        var needs = new List<(string, string)>();
        for (var i = 0; i < count; i++)
        {
            var header = elf.AsSpan(sectionTable + i * entrySize);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header[4..]) != SectionTypeVersionNeeds) continue;
            var offset = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(header[24..]));
            var strings = Section(elf, sectionTable, entrySize, (int)BinaryPrimitives.ReadUInt32LittleEndian(header[40..]));
            var entries = BinaryPrimitives.ReadUInt32LittleEndian(header[44..]);
            ReadNeeds(elf, offset, entries, strings, needs);
        }
        return new ElfVersionNeeds(machine, needs);
    }

    /// <summary>Verneed entries (vn_cnt, vn_file, vn_aux, vn_next), each with its Vernaux list (vna_name, vna_next).</summary>
    private static void ReadNeeds(byte[] elf, int offset, uint entries, int strings, List<(string, string)> needs)
    {
        for (var n = 0; n < entries; n++)
        {
            var auxCount = BinaryPrimitives.ReadUInt16LittleEndian(elf.AsSpan(offset + 2));
            var file = CString(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(offset + 4)));
            var aux = offset + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(offset + 8));
            for (var a = 0; a < auxCount; a++)
            {
                needs.Add((file, CString(elf, strings + (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 8)))));
                aux += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(aux + 12));
            }
            offset += (int)BinaryPrimitives.ReadUInt32LittleEndian(elf.AsSpan(offset + 12));
        }
    }

    private static int Section(byte[] elf, int sectionTable, int entrySize, int index) =>
        checked((int)BinaryPrimitives.ReadUInt64LittleEndian(elf.AsSpan(sectionTable + index * entrySize + 24)));

    private static string CString(byte[] elf, int start)
    {
        var end = Array.IndexOf(elf, (byte)0, start);
        return Encoding.ASCII.GetString(elf, start, end - start);
    }
}
