<#
.SYNOPSIS
    A scripted tour of Bloomy against a Bloom Growth emulator (or any Bloom Growth API).
.PARAMETER BaseUri
    The API's base address, e.g. http://127.0.0.1:5080/api/v1/.
.PARAMETER ApiKey
    The key to use; by default the emulator's demo user signs in with its password.
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)] [Uri] $BaseUri,
    [string] $ApiKey
)

$ErrorActionPreference = 'Stop'
if (-not (Get-Module Bloomy)) {
    Import-Module (Join-Path $PSScriptRoot '../out/Bloomy/Bloomy.psd1')
}
if ($ApiKey) {
    Connect-Bloomy -BaseUri $BaseUri -ApiKey $ApiKey
}
else {
    $password = ConvertTo-SecureString 'bloomy-demo' -AsPlainText -Force
    Connect-Bloomy -BaseUri $BaseUri -Credential ([pscredential]::new('ada@example.com', $password))
}

# Each section goes to the host as it comes, so tables of different types do not run into one another.
'== Who am I'
Get-BloomyUser -IncludeDirectReports | Out-Host

'== Everyone in the organisation, and their open to-dos (10 requests in flight)'
$users = Get-BloomyUser -All
$todos = $users | Get-BloomyTodo -ThrottleLimit 10
"{0} users, {1} open to-dos" -f $users.Count, $todos.Count

'== My meetings and their to-dos'
$meetings = Get-BloomyMeeting
$meetings | Out-Host
$meetings | Get-BloomyTodo | Out-Host

'== One meeting in detail'
$detail = Get-BloomyMeeting -Id $meetings[0].Id -Detailed
"{0}: {1} attendees, {2} issues, {3} to-dos, {4} measurables" -f $detail.Name, $detail.Attendees.Count, $detail.Issues.Count, $detail.Todos.Count, $detail.Measurables.Count

'== Create a to-do from a CSV-like row, then complete it'
$new = [pscustomobject]@{ Title = 'Call Ada'; MeetingId = $meetings[0].Id; DueDate = (Get-Date).AddDays(3).ToString('yyyy-MM-dd') } | New-BloomyTodo
$new | Out-Host
$new | Complete-BloomyTodo -PassThru | Out-Host

'== My goals, and last week''s scorecard of my meetings'
Get-BloomyGoal | Out-Host
$meetings | Get-BloomyScorecard -WeekOffset -1 | Out-Host

'== What would completing all my to-dos do? (-WhatIf sends nothing)'
Get-BloomyTodo | Complete-BloomyTodo -WhatIf

Disconnect-Bloomy
'== Done'
