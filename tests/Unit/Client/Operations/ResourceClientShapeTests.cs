using System.Reflection;
using System.Runtime.CompilerServices;
using Bloomy.Client.Operations;

namespace Bloomy.Tests.Client.Operations;

/// <summary>
/// The shape every resource client keeps, so that bad input throws before any Task exists: a public method checks
/// its arguments in its own (not async) body and then runs the request in a local async function; no private
/// "...CoreAsync" twin per public method.
/// </summary>
public sealed class ResourceClientShapeTests
{
    private static readonly Type[] Clients = typeof(ResourceClient).Assembly.GetTypes()
        .Where(t => t.IsSubclassOf(typeof(ResourceClient)) && !t.IsAbstract)
        .ToArray();

    [Fact]
    public void Every_resource_client_is_found()
    {
        Assert.Equal(9, Clients.Length); // + MetricsClient and MilestonesClient (GraphQL)
    }

    [Fact]
    public void A_public_method_with_checkable_arguments_is_not_itself_async()
    {
        // A bool or a token cannot be bad, so a method taking only those may be async; any other argument is checked,
        // and a check inside an async method would fault the Task instead of throwing to the caller.
        var offenders = Clients
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.DeclaredOnly))
            .Where(m => typeof(Task).IsAssignableFrom(m.ReturnType))
            .Where(m => m.GetParameters().Any(p => p.ParameterType != typeof(bool) && p.ParameterType != typeof(CancellationToken)))
            .Where(m => m.GetCustomAttribute<AsyncStateMachineAttribute>() is not null)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void No_private_core_twin_of_a_public_method()
    {
        var twins = Clients
            .SelectMany(t => t.GetMethods(BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(m => m.Name.EndsWith("CoreAsync", StringComparison.Ordinal))
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}")
            .ToList();

        Assert.Empty(twins);
    }
}
