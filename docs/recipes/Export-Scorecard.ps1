<#
.SYNOPSIS
    Exports the scorecards of all your meetings for one week to a CSV file.
.DESCRIPTION
    Reads every meeting's scorecard concurrently and writes one row per measurable: the week, the
    measurable, its target and the value entered (empty cells included). -WeekOffset -1 is last week.
.EXAMPLE
    ./Export-Scorecard.ps1 -Path ./scorecard.csv -WeekOffset -1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    [int] $WeekOffset = -1,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 10
)

Get-BloomyMeeting |
    Get-BloomyScorecard -WeekOffset $WeekOffset -IncludeEmpty -ThrottleLimit $ThrottleLimit |
    ForEach-Object {
        [pscustomobject]@{
            Week          = $_.WeekNumber
            Measurable    = $_.Title
            MeasurableId  = $_.MeasurableId
            Owner         = $_.AccountableUserId
            Target        = $_.Target
            Value         = $_.Value
            UpdatedAt     = $_.UpdatedAt
        }
    } |
    Export-Csv -Path $Path -NoTypeInformation
