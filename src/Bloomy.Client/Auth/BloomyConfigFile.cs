using System.Runtime.InteropServices;
using System.Text;

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
    /// <c>:api_key:</c>. Returns null for any problem (no file, unreadable, not YAML, no key, a file
    /// <see cref="ReadApiKey(string?)"/> refuses), because a broken config file should fall through to "no
    /// key found" rather than stop the caller.
    /// </summary>
    /// <param name="path">The file to read; null means <see cref="DefaultPath"/>.</param>
    /// <returns>The key, trimmed, or null.</returns>
    public static string? TryReadApiKey(string? path = null) => TryReadApiKey(path, EnvironmentReader.Process);

    internal static string? TryReadApiKey(string? path, Func<string, string?> environment)
    {
        try
        {
            return ReadApiKey(path, environment);
        }
        catch (Exception)
        {
            // Deliberately broad: the Python SDK treats every problem with this file as "no key".
            return null;
        }
    }

    /// <summary>
    /// Reads the saved API key (the Python SDK's <c>api_key:</c>, else the Ruby SDK's <c>:api_key:</c>),
    /// refusing a file that cannot be trusted to mean one key: larger than 64 KB, not UTF-8 text, nested
    /// more than 16 levels, using YAML anchors or aliases, not valid YAML, or with <c>api_key</c> twice.
    /// The file is read as a stream of YAML events, so no file, however hostile, can exhaust the stack.
    /// </summary>
    /// <param name="path">The file to read; null means <see cref="DefaultPath"/>.</param>
    /// <returns>The key, trimmed, or null when there is no file or no key in it.</returns>
    /// <exception cref="BloomyConfigurationException">The file exists but cannot be used; the message says why.</exception>
    public static string? ReadApiKey(string? path = null) => ReadApiKey(path, EnvironmentReader.Process);

    internal static string? ReadApiKey(string? path, Func<string, string?> environment)
    {
        var file = ResolvePath(path, environment);
        if (!File.Exists(file))
        {
            return null;
        }
        ConfigFileContent content;
        try
        {
            content = ConfigFileContent.Read(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw ConfigFileContent.Refuse(file, "could not be read (" + ex.Message + ")", ex);
        }
        return KeyOf(content);
    }

    private static string? KeyOf(ConfigFileContent content)
    {
        var entry = content.Effective;
        if (entry is null)
        {
            return null;
        }
        if (!entry.IsText)
        {
            throw ConfigFileContent.Refuse(content.Path, $"has an {entry.Name} that is a list or a mapping, not a key");
        }
        return entry.Value;
    }

    // The key of a config text, or null for any problem (used to check that a saved key reads back).
    internal static string? ParseApiKey(string text)
    {
        try
        {
            return KeyOf(ConfigFileContent.Parse("(text)", new UTF8Encoding(false).GetBytes(text)));
        }
        catch (BloomyConfigurationException)
        {
            return null;
        }
    }

    /// <summary>
    /// Saves an API key in the Python SDK's format (<c>api_key: &lt;key&gt;</c>), keeping the rest of an
    /// existing file (other keys, comments; a Ruby <c>:api_key:</c> entry is updated too), creating the
    /// directory if needed and making the file readable by its owner only (mode 600 on Linux and macOS, an
    /// access list naming only the current user on Windows). The file is written to a temporary file beside
    /// it and moved into place, so it is never half-written. A config file that is a symbolic link is refused
    /// rather than written through, and so is an existing file that cannot be read as one key (see
    /// <see cref="ReadApiKey(string?)"/>).
    /// </summary>
    /// <param name="apiKey">The key to save (not blank).</param>
    /// <param name="path">The file to write; null means <see cref="DefaultPath"/>.</param>
    /// <exception cref="ArgumentException">The key is blank, spans lines or has characters an API key cannot have.</exception>
    /// <exception cref="BloomyConfigurationException">The file is a symbolic link, or an existing file cannot be safely edited.</exception>
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
        if (ApiKeyRules.Problem(key) is { } problem)
        {
            throw new ArgumentException("The API key " + problem + ".", nameof(apiKey));
        }

        var file = Path.GetFullPath(ResolvePath(path, environment));
        var directory = Path.GetDirectoryName(file);
        if (string.IsNullOrEmpty(directory))
        {
            directory = ".";
        }
        if (!Directory.Exists(directory))
        {
            Directory.CreateDirectory(directory);
            FilePermissions.TrySetOwnerOnly(directory!, isDirectory: true);
        }
        if (IsLink(file))
        {
            throw new BloomyConfigurationException(
                $"The config file {file} is a symbolic link; Bloomy does not write a key through a link, which could " +
                "put it somewhere else. Replace the link with a regular file, or point BLOOMY_CONFIG_PATH at the real file.");
        }

        var existing = File.Exists(file) ? ConfigFileContent.Read(file) : null;
        var text = ConfigFileEditor.WithApiKey(existing, QuoteIfNeeded(key));
        var bytes = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetBytes(text);
        if (existing?.HasBom == true)
        {
            bytes = new byte[] { 0xEF, 0xBB, 0xBF }.Concat(bytes).ToArray();
        }
        WriteReplacing(file, directory!, bytes);
    }

    // A symbolic link (or, on Windows, any reparse point), even one whose target does not exist.
    internal static bool IsLink(string path)
    {
        try
        {
            return (File.GetAttributes(path) & FileAttributes.ReparsePoint) != 0;
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return false;
        }
    }

    // Writes a temporary file beside the target (restricted before the key goes in), then moves it over
    // the target: a rename replaces the directory entry, never following it, and readers see the old file
    // or the new one, never half of one.
    private static void WriteReplacing(string file, string directory, byte[] bytes)
    {
        var temp = Path.Combine(directory, "." + Path.GetFileName(file) + "." + Guid.NewGuid().ToString("N").Substring(0, 12) + ".tmp");
        try
        {
            using (new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
            }
            FilePermissions.TrySetOwnerOnly(temp, isDirectory: false);
            using (var stream = new FileStream(temp, FileMode.Truncate, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length);
                stream.Flush(flushToDisk: true);
            }
            if (File.Exists(file))
            {
                File.Replace(temp, file, destinationBackupFileName: null, ignoreMetadataErrors: true);
            }
            else
            {
                File.Move(temp, file);
            }
            // Again on the final file: on Windows a replaced file can keep the access list it had.
            FilePermissions.TrySetOwnerOnly(file, isDirectory: false);
        }
        finally
        {
            try
            {
                if (File.Exists(temp))
                {
                    File.Delete(temp);
                }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
            }
        }
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
