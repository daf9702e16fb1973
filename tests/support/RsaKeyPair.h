#pragma once

#include <QByteArray>

// An RSA key pair made for one test run (OpenSSL), in PEM: the private half goes into a
// service-account JSON, the public half to the fake token endpoint that checks its signatures.
struct RsaKeyPair
{
    QByteArray privatePem; // PKCS #8, as Google's downloads have it
    QByteArray publicPem;

    static RsaKeyPair generate();
};
