; Inno Setup 6 script of the Windows installer of usosmail-gui.
; installer/build.py compiles it after PyInstaller (ISCC /DAppVersion=… /DBundleDir=… /DOutputDir=…):
; it installs the bundle (dist\usosmail-gui: usosmail-gui.exe and usosmail.exe), a Start-menu
; entry, the .usosmail file association and an uninstaller (Settings > Apps, or unins000.exe).
;
; Silent install for all users (README "For IT departments"):
;   usosmail-gui-VERSION-setup.exe /VERYSILENT /SUPPRESSMSGBOXES /NORESTART /ALLUSERS
;       [/INSTALLATION=https://usosapps.example.edu.pl/] [/DIR="C:\Program Files\usosmail-gui"]
; /INSTALLATION= writes the installation URL into the registry value the app reads
; (HKLM\Software\usosmail-gui\usosmail-gui\connection, installation_url: for all users;
; HKCU for an install with /CURRENTUSER).
; Silent uninstall: "C:\Program Files\usosmail-gui\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\usosmail-gui"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef IconFile
  #define IconFile "..\..\build\icons\usosmail-gui.ico"
#endif

[Setup]
AppId={{70D2BADE-3CF3-4E67-9DCF-6D651ED01949}
AppName=usosmail-gui
AppVersion={#AppVersion}
AppVerName=usosmail-gui {#AppVersion}
AppPublisher=The usosmail-gui developers
AppPublisherURL=https://github.com/usosmail-gui/usosmail-gui
DefaultDirName={autopf}\usosmail-gui
DefaultGroupName=usosmail-gui
DisableProgramGroupPage=yes
; all users by default (IT installs); a user without admin rights may install for themselves
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
ChangesAssociations=yes
OutputDir={#OutputDir}
OutputBaseFilename=usosmail-gui-{#AppVersion}-setup
SetupIconFile={#IconFile}
UninstallDisplayIcon={app}\usosmail-gui.exe
UninstallDisplayName=usosmail-gui
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "polish"; MessagesFile: "compiler:Languages\Polish.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\usosmail-gui"; Filename: "{app}\usosmail-gui.exe"; Comment: "Personalised e-mail to students through USOS"
Name: "{autodesktop}\usosmail-gui"; Filename: "{app}\usosmail-gui.exe"; Tasks: desktopicon

[Registry]
; .usosmail templates open in usosmail-gui (HKA: HKLM for all users, HKCU for one user)
Root: HKA; Subkey: "Software\Classes\.usosmail"; ValueType: string; ValueName: ""; ValueData: "usosmail-gui.template"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.usosmail"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-usosmail-template"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.usosmail\OpenWithProgids"; ValueType: string; ValueName: "usosmail-gui.template"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\usosmail-gui.template"; ValueType: string; ValueName: ""; ValueData: "usosmail-gui template"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\usosmail-gui.template\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\usosmail-gui.exe,0"
Root: HKA; Subkey: "Software\Classes\usosmail-gui.template\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\usosmail-gui.exe"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\usosmail-gui.exe\SupportedTypes"; ValueType: string; ValueName: ".usosmail"; ValueData: ""; Flags: uninsdeletekey
; the installation URL (all users: HKLM; one user: HKCU), when given as /INSTALLATION=URL
Root: HKA; Subkey: "Software\usosmail-gui\usosmail-gui\connection"; ValueType: string; ValueName: "installation_url"; ValueData: "{param:INSTALLATION}"; Check: InstallationGiven; Flags: uninsdeletevalue

[Run]
Filename: "{app}\usosmail-gui.exe"; Description: "{cm:LaunchProgram,usosmail-gui}"; Flags: nowait postinstall skipifsilent

[Code]
function InstallationGiven: Boolean;
begin
  Result := ExpandConstant('{param:INSTALLATION}') <> '';
end;
