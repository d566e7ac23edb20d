<#
.SYNOPSIS
    Creates one rock (goal) per CSV row, concurrently, and reports the rows that failed.
.DESCRIPTION
    The CSV needs Title and MeetingId columns; UserId (the accountable user) is optional.
    Rows are created -ThrottleLimit at a time; a bad row becomes one error record naming it and the
    others are still created. Returns the created goals.
.EXAMPLE
    ./New-RocksFromCsv.ps1 -Path ./rocks.csv -WhatIf
#>
[CmdletBinding(SupportsShouldProcess)]
param(
    [Parameter(Mandatory)]
    [string] $Path,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 10
)

$rows = @(Import-Csv -Path $Path)
$created = @($rows | New-BloomyGoal -ThrottleLimit $ThrottleLimit -ErrorVariable failed -ErrorAction SilentlyContinue)
foreach ($failure in $failed) {
    Write-Warning "Not created: $($failure.ErrorDetails.Message)"
}
$created
