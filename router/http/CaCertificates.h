#pragma once

#include "router/core/Result.h"

#include <QList>
#include <QSslCertificate>

// The extra CA certificates a key with an endpoint override may trust (a corporate gateway, a
// test server). One rule for the app, which refuses such a file when a key is saved, and for
// the router, which refuses it again when it calls: the file may have changed since.
namespace CaCertificates {

// The certificates in the file, PEM (one or more) or DER (one); a failure naming the file when
// it cannot be read or holds no certificate.
Result<QList<QSslCertificate>> load(const QString& path);

} // namespace CaCertificates
