<#
.SYNOPSIS
    Weekly to-do report: for every user, how many to-dos are open, overdue and due in the next seven days.
.DESCRIPTION
    Fetches every user's open to-dos concurrently (-ThrottleLimit requests at once) and summarises them.
    Pipe the result to Format-Table, Export-Csv or Sort-Object Overdue -Descending.
.EXAMPLE
    ./Get-WeeklyTodoReport.ps1 | Sort-Object Overdue -Descending | Format-Table
#>
[CmdletBinding()]
param(
    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 10,

    [DateTime] $AsOf = (Get-Date)
)

$today = $AsOf.Date
$nextWeek = $today.AddDays(7)
$users = Get-BloomyUser -All
$todos = @($users | Get-BloomyTodo -ThrottleLimit $ThrottleLimit)

foreach ($user in $users) {
    $mine = @($todos | Where-Object { $_.OwnerId -eq $user.Id })
    [pscustomobject]@{
        User        = $user.Name
        Open        = $mine.Count
        Overdue     = @($mine | Where-Object { $_.DueDate -and $_.DueDate -lt $today }).Count
        DueThisWeek = @($mine | Where-Object { $_.DueDate -and $_.DueDate -ge $today -and $_.DueDate -lt $nextWeek }).Count
    }
}
