ALTER TYPE "public"."payment_method" ADD VALUE 'alipay';--> statement-breakpoint
ALTER TYPE "public"."payment_method" ADD VALUE 'wechat';