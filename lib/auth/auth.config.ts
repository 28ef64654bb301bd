import type { NextAuthConfig } from 'next-auth';

/** A session lasts a working day. */
const SESSION_HOURS = 8;

/** Edge-safe Auth.js settings shared by the Node auth (lib/auth/auth.ts). No database, no argon2 here. */
export const authConfig = {
  pages: { signIn: '/login' },
  session: { strategy: 'jwt', maxAge: SESSION_HOURS * 3600 },
  trustHost: true,
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user?.id) token.uid = user.id;
      return token;
    },
    session({ session, token }) {
      if (typeof token.uid === 'string') session.user.id = token.uid;
      return session;
    },
  },
} satisfies NextAuthConfig;
