/**
 * The 3×4 photo on the file: the stored JPEG, or a silhouette when there is none; "Thêm ảnh" /
 * "Đổi ảnh" read an image file through a file input (works under Electron and in the browser),
 * scale it down and save it as one edit of the member.
 */
import { useRef, useState } from 'react';
import { App as AntApp, Button, Flex } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { CameraOutlined, DeleteOutlined } from '@ant-design/icons';
import { vi } from '../../i18n/vi';
import { useStore } from '../../app/StoreContext';
import { commit, upsert } from '../../db/writePath';
import { photoDataUrl } from './photo';

const t = vi.memberFile.photo;

function Silhouette({ label }: { label: string }) {
  return (
    <svg
      className="member-photo"
      viewBox="0 0 120 160"
      role="img"
      aria-label={label}
      data-testid="photo-placeholder"
    >
      <rect width="120" height="160" fill="#f3f3f3" />
      <circle cx="60" cy="62" r="26" fill="#d6d6d6" />
      <path d="M14 160c4-36 22-52 46-52s42 16 46 52z" fill="#d6d6d6" />
    </svg>
  );
}

export function MemberPhoto({
  memberId,
  name,
  readOnly,
}: {
  memberId: string;
  name: string;
  readOnly: boolean;
}) {
  const store = useStore();
  const record = useLiveQuery(() => store.db.memberPhotos.get(memberId), [store, memberId]);
  const photo = record && record.deleted === 0 && typeof record.dataUrl === 'string' ? record.dataUrl : undefined;
  const { message } = AntApp.useApp();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const save = async (value: string | undefined) => {
    setBusy(true);
    try {
      await commit(store, [upsert('memberPhotos', [{ id: memberId, dataUrl: value }])]);
      void message.success(value ? t.saved : t.removed);
    } finally {
      setBusy(false);
    }
  };

  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      setBusy(true);
      await save(await photoDataUrl(file));
    } catch {
      void message.error(t.failed);
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <Flex vertical gap={6} align="center" style={{ width: 120 }}>
      {photo ? (
        <img className="member-photo" src={photo} alt={t.alt(name)} />
      ) : (
        <Silhouette label={t.placeholder} />
      )}
      {!readOnly && (
        <Flex gap={4}>
          <Button
            size="small"
            icon={<CameraOutlined />}
            loading={busy}
            onClick={() => input.current?.click()}
          >
            {photo ? t.change : t.add}
          </Button>
          {photo && (
            <Button
              size="small"
              icon={<DeleteOutlined />}
              aria-label={t.remove}
              title={t.remove}
              onClick={() => void save(undefined)}
            />
          )}
        </Flex>
      )}
      <input
        ref={input}
        type="file"
        accept="image/jpeg,image/png,image/webp,image/bmp"
        hidden
        data-testid="photo-input"
        onChange={(e) => void onFile(e.target.files?.[0])}
      />
    </Flex>
  );
}
