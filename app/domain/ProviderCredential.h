#pragma once

#include "router/catalog/ProviderDescriptor.h"
#include "router/core/Result.h"

#include <QJsonObject>
#include <QString>

// A provider key's secret as the person typed or piped it, checked against what the provider
// expects and brought into the one form the keychain keeps:
// - a single API key is kept as it is;
// - AWS credentials become {"access_key_id","secret_access_key","session_token"} (AWS's own
//   {"AccessKeyId",...} from `aws sts` is accepted too), a Bedrock API key {"api_key"};
// - a Google service account is kept as its JSON, an express-mode key as {"api_key"}.
class ProviderCredential
{
public:
    static Result<ProviderCredential> parse(
        const ProviderDescriptor& provider, const QString& input);

    // What is written to the keychain.
    const QString& storedForm() const { return m_storedForm; }
    // The masked form shown in lists and kept in the database.
    const QString& hint() const { return m_hint; }
    // Settings the credential implies (a service account names its project).
    const QJsonObject& impliedSettings() const { return m_impliedSettings; }

private:
    QString m_storedForm;
    QString m_hint;
    QJsonObject m_impliedSettings;
};
