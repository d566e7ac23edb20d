@{
    RootModule           = 'Bloomy.Cmdlets.dll'
    # Imported first: resolves the assemblies in dependencies/ before PowerShell reads the root module.
    NestedModules        = @('Bloomy.Loader.dll')
    ModuleVersion        = '0.1.0'
    CompatiblePSEditions = @('Desktop', 'Core')
    GUID                 = '6f0c1c52-8a8e-4f57-9d33-3c7b8f0b6a41'
    Author               = 'Bloomy contributors'
    CompanyName          = 'Bloomy'
    Copyright            = '(c) Bloomy contributors. MIT License.'
    Description          = 'PowerShell module for the Bloom Growth (EOS, Level 10, formerly Traction Tools) API: users, meetings, to-dos, goals (rocks), scorecards, issues and headlines, with concurrent pipelines.'
    # Windows PowerShell 5.1, or PowerShell 7.4+ (.NET 8). A manifest cannot say "7.4 for Core, 5.1 for Desktop":
    # Bloomy.Loader refuses PowerShell 7.0-7.3 at import with one message.
    PowerShellVersion    = '5.1'
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('Bloomy.Format.ps1xml')
    FunctionsToExport    = @()
    CmdletsToExport      = @(
        'Connect-Bloomy'
        'Disconnect-Bloomy'
        'Get-BloomyConnection'
        'Get-BloomyUser'
        'Get-BloomyMeeting'
        'New-BloomyMeeting'
        'Remove-BloomyMeeting'
        'Get-BloomyMeetingAttendee'
        'Add-BloomyMeetingAttendee'
        'Get-BloomyTodo'
        'New-BloomyTodo'
        'Set-BloomyTodo'
        'Complete-BloomyTodo'
        'Open-BloomyTodo'
        'Get-BloomyGoal'
        'New-BloomyGoal'
        'Set-BloomyGoal'
        'Restore-BloomyGoal'
        'Remove-BloomyGoal'
        'Add-BloomyMeetingGoal'
        'Get-BloomyScorecard'
        'Get-BloomyScorecardWeek'
        'Get-BloomyMeasurable'
        'Set-BloomyScore'
        'Get-BloomyIssue'
        'New-BloomyIssue'
        'Set-BloomyIssue'
        'Close-BloomyIssue'
        'Open-BloomyIssue'
        'Remove-BloomyIssue'
        'Get-BloomyHeadline'
        'New-BloomyHeadline'
        'Set-BloomyHeadline'
        'Remove-BloomyHeadline'
        'Move-BloomyIssue'
        'Restore-BloomyIssue'
        'Restore-BloomyTodo'
        'Restore-BloomyHeadline'
        'New-BloomyMeasurable'
        'Set-BloomyMeasurable'
        'Remove-BloomyMeasurable'
        'Get-BloomyScore'
        'Clear-BloomyScore'
        'Get-BloomyMilestone'
        'New-BloomyMilestone'
        'Set-BloomyMilestone'
        'Complete-BloomyMilestone'
        'Open-BloomyMilestone'
        'Remove-BloomyMilestone'
    )
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('BloomGrowth', 'EOS', 'L10', 'TractionTools', 'Todo', 'Rocks', 'Scorecard', 'PSEdition_Core', 'PSEdition_Desktop', 'Windows', 'Linux', 'MacOS')
            LicenseUri   = 'https://opensource.org/licenses/MIT'
            ReleaseNotes = '0.1.0: first release. Connect (API key, credential, BG_API_KEY, ~/.bloomy/config.yaml); users, meetings, to-dos, goals (rocks), scorecards, issues and headlines; concurrent pipelines bounded by -ThrottleLimit with ordered output; retries with Retry-After; -WhatIf on every change; generated help, views and argument completion; dependencies isolated from other modules.'
        }
    }
}
