using System.Runtime.CompilerServices;
using System.Security.AccessControl;
using System.Security.Principal;

namespace Bloomy.Client.Auth;

/// <summary>One entry of an access list, as <see cref="OwnerOnlyAccess"/> builds it (testable on any platform).</summary>
internal sealed record AccessEntry(string Sid, bool Allow, FileSystemRights Rights, bool InheritedByChildren);

// The Windows access list of the saved key: protected (nothing inherited from the folder, so no group
// the profile grants access to keeps it) with one entry, the current user, full control. The rules are
// built as plain data and an SDDL string, which any platform can check; only applying them needs Windows.
internal static class OwnerOnlyAccess
{
    public static IReadOnlyList<AccessEntry> Rules(string userSid, bool isDirectory) =>
        new[] { new AccessEntry(userSid, Allow: true, FileSystemRights.FullControl, InheritedByChildren: isDirectory) };

    // D:P = a protected DACL; A = allow; OICI = inherited by files and folders inside; FA = full access.
    public static string Sddl(string userSid, bool isDirectory)
    {
        var entries = Rules(userSid, isDirectory).Select(rule =>
            $"({(rule.Allow ? "A" : "D")};{(rule.InheritedByChildren ? "OICI" : "")};{(rule.Rights == FileSystemRights.FullControl ? "FA" : ((int)rule.Rights).ToString(System.Globalization.CultureInfo.InvariantCulture))};;;{rule.Sid})");
        return "D:P" + string.Concat(entries);
    }

    // Windows only; kept out of line so other platforms never load the access-control types.
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static void Apply(string path, bool isDirectory)
    {
        string sid;
        using (var identity = WindowsIdentity.GetCurrent())
        {
            sid = identity.User?.Value ?? throw new InvalidOperationException("The current Windows user has no SID.");
        }
        var sddl = Sddl(sid, isDirectory);
        if (isDirectory)
        {
            var security = new DirectorySecurity();
            security.SetSecurityDescriptorSddlForm(sddl, AccessControlSections.Access);
            new DirectoryInfo(path).SetAccessControl(security);
        }
        else
        {
            var security = new FileSecurity();
            security.SetSecurityDescriptorSddlForm(sddl, AccessControlSections.Access);
            new FileInfo(path).SetAccessControl(security);
        }
    }
}
