#pragma warning disable CA1416 // The access rules are plain data here; only applying them needs Windows, and that test returns early elsewhere.
using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Security.AccessControl;
using System.Text;
using System.Text.RegularExpressions;
using Bloomy.Client;
using Bloomy.Client.Auth;
using Bloomy.Client.Http;

namespace Bloomy.Tests.Client.Core;

/// <summary>
/// Issue 10, points 4 and 6: saving never writes through a link and keeps the file's other content, a
/// duplicate key is an error, the Windows access list names only the user, and hostile config files give a
/// clear configuration error instead of crashing the host.
/// </summary>
public sealed class ConfigFileSecurityTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "bloomy-cfgsec-" + Guid.NewGuid().ToString("N"));

    public ConfigFileSecurityTests() => Directory.CreateDirectory(_dir);

    public void Dispose()
    {
        if (Directory.Exists(_dir))
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private string PathOf(string name = "config.yaml") => Path.Combine(_dir, name);

    private string Write(string content, string name = "config.yaml") => Write(Encoding.UTF8.GetBytes(content), name);

    private string Write(byte[] content, string name = "config.yaml")
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, content);
        return path;
    }

    // ---- 4. Saving ----------------------------------------------------------------------------------

    [Fact]
    public void Save_refuses_a_symlinked_config_file_and_leaves_its_target_alone()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return; // symlinks need a privilege there
        var target = Write("other: content\n", "elsewhere.yaml");
        var link = PathOf();
        File.CreateSymbolicLink(link, target);

        var ex = Assert.Throws<BloomyConfigurationException>(() => BloomyConfigFile.SaveApiKey("sk-new", link));

        Assert.Contains("symbolic link", ex.Message);
        Assert.Equal("other: content\n", File.ReadAllText(target));
        Assert.NotNull(new FileInfo(link).LinkTarget);
        Assert.Equal(2, Directory.GetFileSystemEntries(_dir).Length);
    }

    [Fact]
    public void Save_refuses_a_dangling_symlink_too()
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows)) return;
        var target = PathOf("not-yet.yaml");
        var link = PathOf();
        File.CreateSymbolicLink(link, target);

        Assert.Throws<BloomyConfigurationException>(() => BloomyConfigFile.SaveApiKey("sk-new", link));

        Assert.False(File.Exists(target));
    }

    [Fact]
    public void Save_keeps_other_keys_comments_and_line_endings()
    {
        var path = Write("# my settings\r\nversion: 1\r\napi_key: old-key # from 2024\r\nextra:\r\n  nested: true\r\nlast: x\r\n");

        BloomyConfigFile.SaveApiKey("sk-new", path);

        Assert.Equal("# my settings\r\nversion: 1\r\napi_key: sk-new\r\nextra:\r\n  nested: true\r\nlast: x\r\n", File.ReadAllText(path));
        Assert.Equal("sk-new", BloomyConfigFile.ReadApiKey(path));
        Assert.Single(Directory.GetFiles(_dir)); // no temporary file left behind
    }

    [Theory]
    [InlineData("version: 1\nother: y", "version: 1\nother: y\napi_key: sk-new\n")]
    [InlineData("api_key:\nversion: 1\n", "api_key: sk-new\nversion: 1\n")]
    [InlineData("api_key: ~\n", "api_key: sk-new\n")]
    [InlineData("---\n:version: 1\n:api_key: ruby-key\n", "---\n:version: 1\n:api_key: sk-new\n")]
    [InlineData(":api_key: ruby\napi_key: python\nz: 1\n", ":api_key: sk-new\napi_key: sk-new\nz: 1\n")]
    [InlineData("# only a comment\n", "# only a comment\napi_key: sk-new\nversion: 1\n")]
    [InlineData("", "api_key: sk-new\nversion: 1\n")]
    public void Save_replaces_or_adds_just_the_key(string before, string after)
    {
        var path = Write(before);

        BloomyConfigFile.SaveApiKey("sk-new", path);

        Assert.Equal(after, File.ReadAllText(path));
        Assert.Equal("sk-new", BloomyConfigFile.ReadApiKey(path));
    }

    [Fact]
    public void Save_creates_the_file_owner_only_before_the_key_is_in_it()
    {
        var path = PathOf();

        BloomyConfigFile.SaveApiKey("sk-new", path);

        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
        Assert.Equal("api_key: sk-new\nversion: 1\n", File.ReadAllText(path));
    }

    [Theory]
    [InlineData("api_key: sk-first\nversion: 1\napi_key: sk-second\n", "api_key twice (lines 1 and 3)")]
    [InlineData(":api_key: sk-first\n:api_key: sk-second\n", ":api_key twice")]
    public void A_duplicate_key_is_a_configuration_error_not_no_key(string content, string expected)
    {
        var path = Write(content);

        var read = Assert.Throws<BloomyConfigurationException>(() => BloomyConfigFile.ReadApiKey(path));
        Assert.Contains(expected, read.Message);
        Assert.DoesNotContain("sk-first", read.Message);

        var client = Assert.Throws<BloomyConfigurationException>(() => new BloomyHttp(new BloomyClientOptions
        {
            ConfigFilePath = path,
            EnvironmentReader = _ => null,
        }));
        Assert.Contains(expected, client.Message);

        Assert.Throws<BloomyConfigurationException>(() => BloomyConfigFile.SaveApiKey("sk-new", path));
        Assert.Equal(content, File.ReadAllText(path));
    }

    [Theory]
    [InlineData("sk-abc\u200Bdef")]
    [InlineData("sk-abc\0def")]
    [InlineData("sk-abcdéf")]
    public void Save_refuses_keys_with_characters_an_api_key_cannot_have(string key)
    {
        Assert.Throws<ArgumentException>(() => BloomyConfigFile.SaveApiKey(key, PathOf()));
        Assert.False(File.Exists(PathOf()));
    }

    // ---- 4. The Windows access list -----------------------------------------------------------------

    [Fact]
    public void The_windows_access_list_names_only_the_user_and_inherits_nothing()
    {
        const string sid = "S-1-5-21-1004336348-1177238915-682003330-1001";

        var file = OwnerOnlyAccess.Rules(sid, isDirectory: false);
        var rule = Assert.Single(file);
        Assert.Equal(new AccessEntry(sid, Allow: true, FileSystemRights.FullControl, InheritedByChildren: false), rule);
        var folder = Assert.Single(OwnerOnlyAccess.Rules(sid, isDirectory: true));
        Assert.True(folder.InheritedByChildren);

        var sddl = OwnerOnlyAccess.Sddl(sid, isDirectory: false);
        Assert.Equal("D:P(A;;FA;;;" + sid + ")", sddl);
        // Protected (P): nothing inherited from the profile folder; exactly one entry, an allow for the user.
        var aces = Regex.Matches(sddl, @"\(([^)]*)\)");
        Assert.Single(aces);
        Assert.StartsWith("D:P(", sddl);
        Assert.Equal("D:P(A;OICI;FA;;;" + sid + ")", OwnerOnlyAccess.Sddl(sid, isDirectory: true));
    }

    [Fact]
    public void On_windows_the_saved_file_is_readable_by_its_owner_only()
    {
        if (!OperatingSystem.IsWindows()) return;
        var path = PathOf();

        BloomyConfigFile.SaveApiKey("sk-new", path);

        var security = new FileInfo(path).GetAccessControl();
        Assert.True(security.AreAccessRulesProtected);
        var rules = security.GetAccessRules(true, true, typeof(System.Security.Principal.SecurityIdentifier)).Cast<FileSystemAccessRule>().ToList();
        var rule = Assert.Single(rules);
        Assert.Equal(System.Security.Principal.WindowsIdentity.GetCurrent().User, rule.IdentityReference);
        Assert.Equal(AccessControlType.Allow, rule.AccessControlType);
    }

    // ---- 6. Hostile config files --------------------------------------------------------------------

    public static TheoryData<string, string> Hostile => new()
    {
        { "nested-flow", "nests more than" },
        { "nested-block", "nests more than" },
        { "nested-flow-in-value", "nests more than" },
        { "nested-block-sequence", "nests more than" },
        { "ten-megabytes", "larger than 64 KB" },
        { "binary", "binary" },
        { "nul", "control character (U+0000)" },
        { "invalid-utf8", "not UTF-8" },
        { "alias-bomb", "anchor" },
        { "alias", "alias" },
        { "unclosed", "not valid YAML" },
        { "key-is-a-list", "list or a mapping" },
    };

    private static byte[] HostileBytes(string kind)
    {
        switch (kind)
        {
            case "nested-flow": return Encoding.ASCII.GetBytes(new string('[', 50_000));
            case "nested-block":
                var block = new StringBuilder();
                for (var i = 0; i < 2000; i++) block.Append(new string(' ', i)).Append("k").Append(i).Append(":\n");
                return Encoding.ASCII.GetBytes(block.ToString()[..Math.Min(block.Length, 60_000)]);
            case "nested-block-sequence": return Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("- ", 30_000)) + "x\n");
            case "nested-flow-in-value": return Encoding.ASCII.GetBytes("api_key: x\nother: " + new string('[', 40_000) + "\n");
            case "ten-megabytes": return Encoding.ASCII.GetBytes("api_key: x\nfiller: " + new string('a', 10 * 1024 * 1024) + "\n");
            case "binary":
                var bytes = new byte[4096];
                new Random(7).NextBytes(bytes);
                bytes[0] = 0x01;
                return bytes;
            case "nul": return Encoding.ASCII.GetBytes("api_key: abc\0def\n");
            case "invalid-utf8": return [.. Encoding.ASCII.GetBytes("api_key: abc"), 0xC3, 0x28, (byte)'\n'];
            case "alias-bomb":
                var bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
                for (var i = 1; i < 9; i++) bomb.Append($"{(char)('a' + i)}: &{(char)('a' + i)} [*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)},*{(char)('a' + i - 1)}]\n");
                bomb.Append("api_key: *i\n");
                return Encoding.ASCII.GetBytes(bomb.ToString());
            case "alias": return Encoding.ASCII.GetBytes("x: k\napi_key: *x\n");
            case "unclosed": return Encoding.ASCII.GetBytes("api_key: \"abc\n");
            case "key-is-a-list": return Encoding.ASCII.GetBytes("api_key: [1, 2]\n");
            default: throw new ArgumentOutOfRangeException(nameof(kind));
        }
    }

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_config_file_is_a_clear_configuration_error_quickly(string kind, string expected)
    {
        var path = Write(HostileBytes(kind));
        var watch = Stopwatch.StartNew();

        var ex = Assert.Throws<BloomyConfigurationException>(() => BloomyConfigFile.ReadApiKey(path));

        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
        Assert.Contains(path, ex.Message);
        Assert.Contains(expected, ex.Message);
        Assert.Null(BloomyConfigFile.TryReadApiKey(path)); // the lenient reader still says "no key"
        var client = Assert.Throws<BloomyConfigurationException>(() => new BloomyHttp(new BloomyClientOptions
        {
            ConfigFilePath = path,
            EnvironmentReader = _ => null,
        }));
        Assert.Contains(expected, client.Message);
    }

    [Theory]
    [InlineData("api_key: \"sk-secret-value\n")]
    [InlineData("api_key: sk-secret-value\napi_key: sk-secret-value\n")]
    [InlineData("api_key: [sk-secret-value]\n")]
    [InlineData("api_key: &a sk-secret-value\n")]
    public void A_refused_config_file_never_shows_the_key_in_the_error(string content)
    {
        var path = Write(content);

        var ex = Assert.Throws<BloomyConfigurationException>(() => BloomyConfigFile.ReadApiKey(path));

        Assert.DoesNotContain("secret", ex.ToString());
    }

    [Fact]
    public void A_hostile_config_file_does_not_matter_when_a_key_is_given()
    {
        var path = Write(HostileBytes("nested-flow"));

        var resolved = BloomyCredentials.TryResolve("sk-explicit", path, _ => null);

        Assert.Equal("sk-explicit", resolved!.Key);
    }

    [Fact]
    public void A_config_file_at_the_size_limit_still_reads()
    {
        var text = "api_key: sk-ok\n# " + new string('x', ConfigFileContent.MaxBytes - 18) + "\n";
        Assert.Equal(ConfigFileContent.MaxBytes, text.Length);
        var path = Write(text);

        Assert.Equal("sk-ok", BloomyConfigFile.ReadApiKey(path));
    }
}
