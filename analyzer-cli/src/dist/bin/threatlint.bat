@echo off
rem Runs threatlint from its distribution (bin\threatlint.bat beside lib\threatlint.jar).
rem Java 17 or later: %JAVA_HOME%\bin\java.exe, else java on the PATH. THREATLINT_JAVA_OPTS adds JVM options.
setlocal
set "THREATLINT_HOME=%~dp0.."
if defined JAVA_HOME (set "THREATLINT_JAVA=%JAVA_HOME%\bin\java.exe") else (set "THREATLINT_JAVA=java")
rem C1 only and the parallel collector with a fixed young generation for a short analysis; the language server (lsp)
rem runs for hours, where C2 pays back its compile time, with a young generation of at most 384 MB, exceptions that
rem keep their messages however often they are thrown, and C2 inlining no frequently called method over 25 bytecodes
rem (its first analyses after an edit a third faster; the reasons are in the repository's ./threatlint launcher).
set "THREATLINT_VM=-XX:+UseParallelGC -Xmn192m -XX:TieredStopAtLevel=1"
if "%~1"=="lsp" set "THREATLINT_VM=-XX:+UseParallelGC -XX:MaxNewSize=384m -XX:-OmitStackTraceInFastThrow -XX:FreqInlineSize=25"
"%THREATLINT_JAVA%" %THREATLINT_VM% -Xss16m -Xlog:disable -Xlog:all=error:stderr %THREATLINT_JAVA_OPTS% -jar "%THREATLINT_HOME%\lib\threatlint.jar" %*
exit /b %ERRORLEVEL%
