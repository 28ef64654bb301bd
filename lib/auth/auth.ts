import 'server-only';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { findActiveUserById } from '@/db/queries/users';
import { authConfig } from './auth.config';
import { verifyLoginTicket } from './login-ticket';

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { ticket: {} },
      async authorize(credentials) {
        const ticket = typeof credentials?.ticket === 'string' ? credentials.ticket : '';
        const userId = verifyLoginTicket(ticket);
        if (!userId) return null;
        const user = await findActiveUserById({ id: userId });
        return user ? { id: user.id, name: user.name, sessionVersion: user.sessionVersion } : null;
      },
    }),
  ],
});
