using System.Buffers.Binary;
using System.IO.Compression;
using ConfigRules.Testing;

namespace ConfigRules.Lambda.Tests.Packaging;

/// <summary>
/// The deployment package written by `dotnet cake --target=Package`: Lambda runs <c>bootstrap</c> from the zip
/// root and needs its execute bits, which only count when the entry says it was made on Unix.
/// </summary>
[TestFixture]
public sealed class LambdaZipTests
{
    private const int CentralDirectorySignature = 0x02014b50;
    private const int EndOfCentralDirectorySignature = 0x06054b50;
    private const byte UnixHost = 3;

    /// <summary>Lambda allows at most this glibc: provided.al2023 ships 2.34.</summary>
    private static readonly Version MaxGlibc = new(2, 34);

    [TestCase("config-rules-lambda.zip", ElfVersionNeeds.MachineX86_64)]
    [TestCase("config-rules-lambda-arm64.zip", ElfVersionNeeds.MachineAArch64)]
    public void The_zip_holds_an_executable_elf_bootstrap_at_its_root_with_mode_0755(string zipName, int machine)
    {
        var zipPath = RepositoryPaths.InRepo("artifacts", zipName);
        if (!File.Exists(zipPath))
            Assert.Ignore($"{zipPath} is not built yet: `dotnet cake --target=Package` writes it.");

        using var zip = ZipFile.OpenRead(zipPath);
        var entry = zip.Entries.Should().ContainSingle(e => e.FullName == "bootstrap", "Lambda looks for bootstrap at the zip root").Subject;
        var attributes = (uint)entry.ExternalAttributes >> 16;
        (attributes & 0xF000).Should().Be(0x8000, "the entry must be a regular file");
        (attributes & 0x1FF).Should().Be(0x1ED, "mode 0755: Lambda must be able to execute it");

        var extracted = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"bootstrap-{Guid.NewGuid():N}");
        try
        {
            entry.ExtractToFile(extracted);
            var elf = ElfVersionNeeds.Read(extracted);
            elf.Machine.Should().Be((ushort)machine, "the zip is for that instruction set");
            elf.Needs.Should().Contain(need => need.File == "libc.so.6", "the bootstrap links glibc dynamically, as provided.al2023 expects");
            elf.HighestGlibc.Should().NotBeNull().And.BeLessThanOrEqualTo(MaxGlibc, $"provided.al2023 has glibc {MaxGlibc}; needs: {string.Join(", ", elf.Needs.Select(n => n.Version).Distinct())}");
        }
        finally
        {
            File.Delete(extracted);
        }

        MadeByHosts(zipPath).Should().OnlyContain(host => host == UnixHost, "mode bits are only honoured for entries made on Unix");
    }

    /// <summary>The host byte of "version made by" of every central directory record (found from the end record).</summary>
    private static List<byte> MadeByHosts(string zipPath)
    {
        var bytes = File.ReadAllBytes(zipPath);
        var end = bytes.Length - 22;
        while (end >= 0 && BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(end)) != EndOfCentralDirectorySignature) end--;
        end.Should().BeGreaterThanOrEqualTo(0, "a zip ends with an end-of-central-directory record");

        var count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(end + 10));
        var offset = (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(end + 16));
        var hosts = new List<byte>();
        for (var i = 0; i < count; i++)
        {
            BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset)).Should().Be(CentralDirectorySignature);
            hosts.Add(bytes[offset + 5]);
            var nameLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 28));
            var extraLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 30));
            var commentLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(offset + 32));
            offset += 46 + nameLength + extraLength + commentLength;
        }
        return hosts;
    }
}
