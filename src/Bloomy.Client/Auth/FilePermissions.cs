using System.Reflection;
using System.Runtime.InteropServices;

namespace Bloomy.Client.Auth;

// Owner-only permissions for the saved key. netstandard2.0 has no File.SetUnixFileMode, so: on .NET 7+
// (PowerShell 7.4+) call File.SetUnixFileMode through reflection; elsewhere on Unix fall back to libc
// chmod. On Windows the access list is replaced by one naming only the current user (OwnerOnlyAccess,
// through the System.IO.FileSystem.AccessControl package).
internal static class FilePermissions
{
    private const int OwnerReadWrite = 0x180;      // 0600
    private const int OwnerReadWriteExecute = 0x1C0; // 0700

    public static bool TrySetOwnerOnly(string path, bool isDirectory)
    {
        if (RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            try
            {
                OwnerOnlyAccess.Apply(path, isDirectory);
                return true;
            }
            catch (Exception)
            {
                // The file keeps the access list of the user profile it sits in.
                return false;
            }
        }
        var mode = isDirectory ? OwnerReadWriteExecute : OwnerReadWrite;
        try
        {
            if (TrySetUnixFileMode(path, mode))
            {
                return true;
            }
            return TryChmod(path, mode);
        }
        catch (Exception)
        {
            return false;
        }
    }

    internal static bool TrySetUnixFileMode(string path, int mode)
    {
        var unixFileMode = Type.GetType("System.IO.UnixFileMode", throwOnError: false);
        if (unixFileMode is null)
        {
            return false;
        }
        var method = typeof(File).GetMethod("SetUnixFileMode", BindingFlags.Public | BindingFlags.Static, null,
            new[] { typeof(string), unixFileMode }, null);
        if (method is null)
        {
            return false;
        }
        method.Invoke(null, new[] { path, Enum.ToObject(unixFileMode, mode) });
        return true;
    }

    internal static bool TryChmod(string path, int mode)
    {
        try
        {
            return NativeMethods.chmod(path, (uint)mode) == 0;
        }
        catch (DllNotFoundException)
        {
            try
            {
                return NativeMethods.chmod6(path, (uint)mode) == 0;
            }
            catch (DllNotFoundException)
            {
                return false;
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    private static class NativeMethods
    {
        [DllImport("libc", EntryPoint = "chmod", SetLastError = true)]
        internal static extern int chmod([MarshalAs(UnmanagedType.LPStr)] string pathname, uint mode);

        [DllImport("libc.so.6", EntryPoint = "chmod", SetLastError = true)]
        internal static extern int chmod6([MarshalAs(UnmanagedType.LPStr)] string pathname, uint mode);
    }
}
