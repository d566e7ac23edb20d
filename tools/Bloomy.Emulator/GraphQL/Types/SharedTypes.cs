using GraphQL.Types;

namespace Bloomy.Emulator.GraphQL.Types;

/// <summary>A server <c>ErrorDetail</c>: message and type (FORBIDDEN, INTERNAL_ERROR, VALIDATION).</summary>
public sealed record ErrorDetail(string Message, string Type);

/// <summary>The F-response family (<c>GraphQLResponseBase</c> / <c>GraphQLResponse&lt;T&gt;</c>).</summary>
public sealed record GraphQLResponse(bool Success, string? Message, IReadOnlyList<ErrorDetail>? ErrorDetails, object? Data = null)
{
    public static GraphQLResponse Ok(object? data = null) => new(true, null, [], data);

    /// <summary>The server's failure shape (§3, §17.4).</summary>
    public static GraphQLResponse Failed(string detail = "An error has ocurred.", string type = "INTERNAL_ERROR") =>
        new(false, "Not able to perform the action.", [new ErrorDetail(detail, type)]);
}

public sealed class ErrorDetailType : ObjectGraphType<ErrorDetail>
{
    public ErrorDetailType()
    {
        Name = "ErrorDetail";
        Field<StringGraphType>("message").Resolve(c => c.Source.Message);
        Field<StringGraphType>("type").Resolve(c => c.Source.Type);
    }
}

/// <summary><c>GraphQLResponseOfBoolean</c> (EditTodo, EditIssue, DeleteMilestone).</summary>
public sealed class GraphQLResponseOfBooleanType : ObjectGraphType<GraphQLResponse>
{
    public GraphQLResponseOfBooleanType()
    {
        Name = "GraphQLResponseOfBoolean";
        ResponseFields.Add(this);
        Field<BooleanGraphType>("data").Resolve(c => c.Source.Data as bool?);
    }
}

/// <summary><c>GraphQLResponseOfString</c> (CreateNote: data = the pad id).</summary>
public sealed class GraphQLResponseOfStringType : ObjectGraphType<GraphQLResponse>
{
    public GraphQLResponseOfStringType()
    {
        Name = "GraphQLResponseOfString";
        ResponseFields.Add(this);
        Field<StringGraphType>("data").Resolve(c => c.Source.Data as string);
    }
}

internal static class ResponseFields
{
    internal static void Add(ObjectGraphType<GraphQLResponse> t)
    {
        t.Field<NonNullGraphType<BooleanGraphType>>("success").Resolve(c => c.Source.Success);
        t.Field<StringGraphType>("message").Resolve(c => c.Source.Message);
        t.Field<ListGraphType<NonNullGraphType<ErrorDetailType>>>("errorDetails").Resolve(c => c.Source.ErrorDetails);
    }
}

/// <summary><c>IdModel { id }</c> (the F-id family and getAuthenticatedUserId).</summary>
public sealed class IdModelType : ObjectGraphType<long>
{
    public IdModelType()
    {
        Name = "IdModel";
        Field<LongGraphType>("id").Resolve(c => c.Source);
    }
}
