using System.Reflection;
using System.Runtime.Loader;
using Bloomy.HelpGen;

// Usage: Bloomy.HelpGen <cmdlet assembly> <its XML documentation file> <output MAML file>
// Exits 1 (and the build fails) when a cmdlet or parameter is undocumented or a cmdlet has too few examples.
if (args.Length != 3)
{
    Console.Error.WriteLine("usage: Bloomy.HelpGen <Cmdlets.dll> <Cmdlets.xml> <out Cmdlets.dll-Help.xml>");
    return 2;
}

var assemblyPath = Path.GetFullPath(args[0]);
var assemblyFolder = Path.GetDirectoryName(assemblyPath)!;
// The cmdlet assembly's own dependencies sit beside it in the build output.
AssemblyLoadContext.Default.Resolving += (context, name) =>
{
    var candidate = Path.Combine(assemblyFolder, name.Name + ".dll");
    return File.Exists(candidate) ? context.LoadFromAssemblyPath(candidate) : null;
};

var problems = new List<string>();
var cmdlets = CmdletModel.Read(Assembly.LoadFrom(assemblyPath), new XmlDocs(args[1]), problems);
if (problems.Count > 0)
{
    // MSBuild turns lines in this format into build errors that name the tool.
    foreach (var problem in problems) Console.Error.WriteLine($"{assemblyPath}: error BLOOMYHELP: {problem}");
    return 1;
}

var output = Path.GetFullPath(args[2]);
Directory.CreateDirectory(Path.GetDirectoryName(output)!);
MamlWriter.Write(cmdlets).Save(output);
Console.WriteLine($"Bloomy.HelpGen: wrote help for {cmdlets.Count} cmdlets to {output}");
return 0;
