using System.Runtime.InteropServices;
using Bloomy.Client.Auth;

namespace Bloomy.Tests.Client.Core;

public sealed class ConfigFileTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bloomy-cfg-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string Write(byte[] content)
    {
        Directory.CreateDirectory(_dir);
        var path = Path.Combine(_dir, "config.yaml");
        File.WriteAllBytes(path, content);
        return path;
    }

    private string Write(string content) => Write(System.Text.Encoding.UTF8.GetBytes(content));

    [Theory]
    [InlineData("api_key: abc123\nversion: 1\n", "abc123")]
    [InlineData("version: 1\napi_key: 'quoted key'\n", "quoted key")]
    [InlineData("---\n:version: 1\n:api_key: ruby-key\n", "ruby-key")]
    [InlineData(":api_key: ruby\napi_key: python\n", "python")]
    public void ReadsPythonAndRubyForms(string content, string expected)
    {
        Assert.Equal(expected, BloomyConfigFile.TryReadApiKey(Write(content)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("api_key: null\n")]
    [InlineData("api_key: ~\n")]
    [InlineData("api_key:\n")]
    [InlineData("version: 1\n")]
    [InlineData("- api_key\n- x\n")]
    [InlineData("just a string")]
    [InlineData("api_key: [1, 2]\n")]
    [InlineData("api_key: {a: b}\n")]
    [InlineData("{ unclosed: [")]
    public void AnythingWrongIsNull(string content)
    {
        Assert.Null(BloomyConfigFile.TryReadApiKey(Write(content)));
    }

    [Fact]
    public void BinaryGarbageIsNull()
    {
        var bytes = new byte[512];
        new Random(42).NextBytes(bytes);
        Assert.Null(BloomyConfigFile.TryReadApiKey(Write(bytes)));
    }

    [Fact]
    public void MissingFileIsNull()
    {
        Assert.Null(BloomyConfigFile.TryReadApiKey(Path.Combine(_dir, "missing", "config.yaml")));
    }

    [Fact]
    public void SaveWritesThePythonFormCreatesTheDirectoryAndRestrictsTheFile()
    {
        var path = Path.Combine(_dir, "nested", ".bloomy", "config.yaml");

        BloomyConfigFile.SaveApiKey("  k3y-VALUE_123  ", path);

        Assert.Equal("api_key: k3y-VALUE_123\nversion: 1\n", File.ReadAllText(path));
        Assert.Equal("k3y-VALUE_123", BloomyConfigFile.TryReadApiKey(path));
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute,
                File.GetUnixFileMode(Path.GetDirectoryName(path)!));
        }
    }

    [Fact]
    public void SaveOverwritesAndTightensAnExistingFile()
    {
        var path = Write("api_key: old\nversion: 1\nextra: stuff that is longer than the new content\n");
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100); // 644
        }

        BloomyConfigFile.SaveApiKey("new", path);

        // Issue 10.4: the file's other keys are kept.
        Assert.Equal("api_key: new\nversion: 1\nextra: stuff that is longer than the new content\n", File.ReadAllText(path));
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void KeysThatWouldNotRoundTripAsPlainScalarsAreQuoted()
    {
        var path = Path.Combine(_dir, "config.yaml");
        BloomyConfigFile.SaveApiKey("abc: #def", path);

        Assert.Equal("abc: #def", BloomyConfigFile.TryReadApiKey(path));
    }

    [Fact]
    public void ChmodFallbackWorksOnUnix()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            return;
        }
        var path = Write("x");
        File.SetUnixFileMode(path, (UnixFileMode)0b110_110_110);

        Assert.True(FilePermissions.TryChmod(path, 0b110_000_000));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("two\nlines")]
    public void SaveRejectsBadKeys(string key)
    {
        Assert.Throws<ArgumentException>(() => BloomyConfigFile.SaveApiKey(key, Path.Combine(_dir, "config.yaml")));
    }

    [Fact]
    public void DefaultPathHonoursBloomyConfigPath()
    {
        Assert.Equal("/tmp/elsewhere.yaml", BloomyConfigFile.GetDefaultPath(n => n == "BLOOMY_CONFIG_PATH" ? "/tmp/elsewhere.yaml" : null));
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        Assert.Equal(Path.Combine(home, ".bloomy", "config.yaml"), BloomyConfigFile.GetDefaultPath(_ => null));
    }
}
