#!/bin/sh
# Development keys for docker-compose, made once into the shared volume. Never use these in production:
# there the merchant key comes from Huifu's console (开发设置 → 密钥管理) through a secret.
set -eu
cd /keys
[ -f merchant-private.pem ] && exit 0
openssl genrsa -out merchant-private.pem 2048
openssl rsa -in merchant-private.pem -pubout -out merchant-public.pem
openssl genrsa -out huifu-private.pem 2048
openssl rsa -in huifu-private.pem -pubout -out huifu-public.pem
chmod 0644 ./*.pem
