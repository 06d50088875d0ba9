import { describe, expect, it } from 'vitest';
import { checkRedisUrl, RedisUrlError, redactRedisUrl } from '../src/index.js';

describe('Redis URLs', () => {
  it('masks passwords, with or without a user', () => {
    expect(redactRedisUrl('redis://:s3cret@host:6379')).toBe('redis://:***@host:6379');
    expect(redactRedisUrl('rediss://alice:p%40ss@host:6380/2')).toBe('rediss://alice:***@host:6380/2');
    expect(redactRedisUrl('redis://host:6379')).toBe('redis://host:6379');
  });

  it('accepts redis: and rediss: (TLS) only, and never shows the password in errors', () => {
    expect(checkRedisUrl('rediss://u:pw@example.org:6380').protocol).toBe('rediss:');
    expect(() => checkRedisUrl('http://:pw@host:1')).toThrow(RedisUrlError);
    expect(() => checkRedisUrl('http://:pw@host:1')).toThrow(/scheme must be redis: or rediss:/);
    expect(() => checkRedisUrl('http://:topsecret@host:1')).not.toThrow(/topsecret/);
    expect(() => checkRedisUrl('not a url')).toThrow(/expected redis:\/\/host:port/);
  });
});
