using System.Runtime.InteropServices;
using System.Text;
using YamlDotNet.RepresentationModel;

namespace Bloomy.Client.Auth;

/// <summary>
/// Reads and writes the config file the Bloom Growth SDKs share (<c>~/.bloomy/config.yaml</c>), which
/// holds a saved API key.
/// </summary>
public static class BloomyConfigFile
{
    /// <summary>
    /// The config file path: the <c>BLOOMY_CONFIG_PATH</c> environment variable when set, otherwise
    /// <c>~/.bloomy/config.yaml</c>.
    /// </summary>
    public static string DefaultPath => GetDefaultPath(EnvironmentReader.Process);

    internal static string GetDefaultPath(Func<string, string?> environment)
    {
        var fromEnvironment = environment(EnvironmentReader.ConfigPathVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return ExpandHome(fromEnvironment!.Trim());
        }
        return Path.Combine(HomeDirectory(), ".bloomy", "config.yaml");
    }

    internal static string ResolvePath(string? path, Func<string, string?> environment) =>
        string.IsNullOrWhiteSpace(path) ? GetDefaultPath(environment) : ExpandHome(path!.Trim());

    /// <summary>
    /// Reads the saved API key. Accepts the Python SDK's <c>api_key:</c> and the Ruby SDK's
    /// <c>:api_key:</c>. Returns null for any problem (no file, unreadable, not YAML, no key), because a
    /// broken config file should fall through to "no key found" rather than stop the caller.
    /// </summary>
    /// <param name="path">The file to read; null means <see cref="DefaultPath"/>.</param>
    /// <returns>The key, trimmed, or null.</returns>
    public static string? TryReadApiKey(string? path = null) => TryReadApiKey(path, EnvironmentReader.Process);

    internal static string? TryReadApiKey(string? path, Func<string, string?> environment)
    {
        try
        {
            var file = ResolvePath(path, environment);
            if (!File.Exists(file))
            {
                return null;
            }
            var text = File.ReadAllText(file, Encoding.UTF8);
            return ParseApiKey(text);
        }
        catch (Exception)
        {
            // Deliberately broad: the Python SDK treats every problem with this file as "no key".
            return null;
        }
    }

    internal static string? ParseApiKey(string text)
    {
        try
        {
            var yaml = new YamlStream();
            using (var reader = new StringReader(text))
            {
                yaml.Load(reader);
            }
            if (yaml.Documents.Count == 0 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            {
                return null;
            }
            string? found = null;
            foreach (var entry in root.Children)
            {
                if (entry.Key is YamlScalarNode { Value: { } name } && (name == "api_key" || name == ":api_key"))
                {
                    if (entry.Value is not YamlScalarNode scalar || scalar.Value is null)
                    {
                        return null;
                    }
                    // A plain `null` / `~` / empty value is YAML null, as yaml.safe_load reads it.
                    if (scalar.Style == YamlDotNet.Core.ScalarStyle.Plain &&
                        (scalar.Value.Length == 0 || scalar.Value == "~" || scalar.Value.Equals("null", StringComparison.OrdinalIgnoreCase)))
                    {
                        return null;
                    }
                    found = scalar.Value.Trim();
                    // The Python form wins when a file has both.
                    if (name == "api_key")
                    {
                        break;
                    }
                }
            }
            return string.IsNullOrEmpty(found) ? null : found;
        }
        catch (Exception)
        {
            return null;
        }
    }

    /// <summary>
    /// Saves an API key in the Python SDK's format (<c>api_key: &lt;key&gt;</c> and <c>version: 1</c>),
    /// creating the directory if needed and making the file readable by its owner only (mode 600 on
    /// Linux and macOS). On Windows the file inherits the ACL of the user profile directory.
    /// </summary>
    /// <param name="apiKey">The key to save (not blank).</param>
    /// <param name="path">The file to write; null means <see cref="DefaultPath"/>.</param>
    /// <exception cref="ArgumentException">The key is blank or spans lines.</exception>
    public static void SaveApiKey(string apiKey, string? path = null) => SaveApiKey(apiKey, path, EnvironmentReader.Process);

    internal static void SaveApiKey(string apiKey, string? path, Func<string, string?> environment)
    {
        if (apiKey is null)
        {
            throw new ArgumentNullException(nameof(apiKey));
        }
        var key = apiKey.Trim();
        if (key.Length == 0)
        {
            throw new ArgumentException("The API key must not be blank.", nameof(apiKey));
        }
        if (key.IndexOfAny(new[] { '\r', '\n' }) >= 0)
        {
            throw new ArgumentException("The API key must be a single line.", nameof(apiKey));
        }

        var file = Path.GetFullPath(ResolvePath(path, environment));
        var directory = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(directory) && !Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            FilePermissions.TrySetOwnerOnly(directory!, isDirectory: true);
        }

        // Restrict the file before the key is written into it, so it is never readable by others.
        if (!File.Exists(file))
        {
            using (new FileStream(file, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }
        }
        FilePermissions.TrySetOwnerOnly(file, isDirectory: false);

        var content = "api_key: " + QuoteIfNeeded(key) + "\nversion: 1\n";
        using var stream = new FileStream(file, FileMode.Truncate, FileAccess.Write, FileShare.None);
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(content);
        stream.Write(bytes, 0, bytes.Length);
    }

    // Keys are opaque tokens (usually base64-ish and safe as plain scalars); quote only when a plain
    // scalar would be read back differently.
    internal static string QuoteIfNeeded(string key)
    {
        var plain = ParseApiKey("api_key: " + key);
        if (plain == key && key.IndexOf('#') < 0)
        {
            return key;
        }
        return "'" + key.Replace("'", "''") + "'";
    }

    private static string ExpandHome(string path)
    {
        if (path == "~")
        {
            return HomeDirectory();
        }
        if (path.StartsWith("~/", StringComparison.Ordinal) || path.StartsWith("~\\", StringComparison.Ordinal))
        {
            return Path.Combine(HomeDirectory(), path.Substring(2));
        }
        return path;
    }

    private static string HomeDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (string.IsNullOrEmpty(home))
        {
            home = Environment.GetEnvironmentVariable(RuntimeInformation.IsOSPlatform(OSPlatform.Windows) ? "USERPROFILE" : "HOME") ?? ".";
        }
        return home;
    }
}
