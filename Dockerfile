# syntax=docker/dockerfile:1
# ProfilePlatform: docker build -t profileplatform . && docker run --rm -p 5000:8080 profileplatform
# Without ConnectionStrings__Postgres the platform stores its data in SQLite under /app/data
# (mount a volume there to keep it: -v profileplatform-data:/app/data). docker-compose.yml runs it on PostgreSQL.

# ---------------------------------------------------------------- build
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 \
    DOTNET_NOLOGO=1
WORKDIR /src

# Restore from the project files alone, so this layer is reused until a dependency changes.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/ProfilePlatform.Domain/ProfilePlatform.Domain.csproj src/ProfilePlatform.Domain/
COPY src/ProfilePlatform.Infrastructure/ProfilePlatform.Infrastructure.csproj src/ProfilePlatform.Infrastructure/
COPY src/ProfilePlatform.Api/ProfilePlatform.Api.csproj src/ProfilePlatform.Api/
RUN dotnet restore src/ProfilePlatform.Api/ProfilePlatform.Api.csproj

COPY src/ src/
RUN dotnet publish src/ProfilePlatform.Api/ProfilePlatform.Api.csproj \
        -c Release -o /app --no-restore -p:UseAppHost=false

# ---------------------------------------------------------------- runtime
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /app
COPY --from=build /app ./
# The SQLite default (Data Source=data/profileplatform.db, relative to /app) must be writable by the app user.
RUN mkdir -p /app/data && chown "$APP_UID" /app/data

# Non-root: the 'app' user (APP_UID) that the .NET images provide.
USER $APP_UID
EXPOSE 8080
# `docker run ... profileplatform migrate` applies the migrations and exits.
ENTRYPOINT ["dotnet", "ProfilePlatform.Api.dll"]
