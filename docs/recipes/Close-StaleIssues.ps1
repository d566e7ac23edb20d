<#
.SYNOPSIS
    Solves the open issues of your meetings that were raised more than -OlderThanDays days ago.
.DESCRIPTION
    Reads every meeting's open issues concurrently, keeps the stale ones and closes (solves) them,
    -ThrottleLimit at a time. Run it with -WhatIf first: nothing is sent, and you see what would close.
.EXAMPLE
    ./Close-StaleIssues.ps1 -OlderThanDays 90 -WhatIf
#>
[CmdletBinding(SupportsShouldProcess, ConfirmImpact = 'Medium')]
param(
    [ValidateRange(0, 3650)]
    [int] $OlderThanDays = 90,

    [ValidateRange(1, 64)]
    [int] $ThrottleLimit = 10
)

$cutoff = (Get-Date).AddDays(-$OlderThanDays)
Get-BloomyMeeting |
    Get-BloomyIssue -ThrottleLimit $ThrottleLimit |
    Where-Object { $_.CreateTime -and $_.CreateTime -lt $cutoff } |
    Close-BloomyIssue -ThrottleLimit $ThrottleLimit -PassThru
