@echo off
rem Runs threatlint from its distribution (bin\threatlint.bat beside lib\threatlint.jar).
rem Java 17 or later: %JAVA_HOME%\bin\java.exe, else java on the PATH. THREATLINT_JAVA_OPTS adds JVM options.
setlocal
set "THREATLINT_HOME=%~dp0.."
if defined JAVA_HOME (set "THREATLINT_JAVA=%JAVA_HOME%\bin\java.exe") else (set "THREATLINT_JAVA=java")
rem C1 only for a short analysis; the language server (lsp) runs for hours, where C2 pays back its compile time.
rem The parallel collector with a fixed young generation for an analysis: pauses on every core, memory as serial's.
set "THREATLINT_TIERS=-XX:TieredStopAtLevel=1"
set "THREATLINT_GC=-XX:+UseParallelGC -Xmn160m"
if "%~1"=="lsp" set "THREATLINT_TIERS=-XX:+TieredCompilation"
if "%~1"=="lsp" set "THREATLINT_GC=-XX:+UseSerialGC"
"%THREATLINT_JAVA%" %THREATLINT_GC% %THREATLINT_TIERS% -Xss16m -Xlog:disable -Xlog:all=error:stderr %THREATLINT_JAVA_OPTS% -jar "%THREATLINT_HOME%\lib\threatlint.jar" %*
exit /b %ERRORLEVEL%
