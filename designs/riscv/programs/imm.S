# imm.S: register-immediate operations, LUI/AUIPC and the li/la/mv/not/neg/seqz/... pseudo
# forms, with sign-extended 12-bit immediates at their extremes.
# Convention (docs/CORE_ADAPTER.md): ends with `ecall` while a7 == 93; a0 = 0 on pass, else
# the number of the failing check (gp). An unexpected trap exits with a0 = 1000 + mcause.
  j start
.org 0x100
unexpected:
  csrr a0, mcause
  addi a0, a0, 1000
  li a7, 93
  ecall
start:
  li s0, 0x80000000
  li s1, 0x7fffffff
  li s2, -1
  li s3, 5
  li s4, -7

  li gp, 1
  addi a0, zero, -1
  bne a0, s2, fail
  li gp, 2
  addi a0, s1, 1
  bne a0, s0, fail
  li gp, 3
  slti a0, s4, -6
  li t0, 1
  bne a0, t0, fail
  li gp, 4
  sltiu a0, s3, -1
  li t0, 1
  bne a0, t0, fail
  li gp, 5
  sltiu a0, s2, -1
  bne a0, zero, fail
  li gp, 6
  slti a0, s3, -1
  bne a0, zero, fail
  li gp, 7
  xori a0, s3, -1
  li t0, 0xfffffffa
  bne a0, t0, fail
  li gp, 8
  ori a0, s0, -2048
  li t0, 0xfffff800
  bne a0, t0, fail
  li gp, 9
  andi a0, s2, 0x0f0
  li t0, 0xf0
  bne a0, t0, fail
  li gp, 10
  andi a0, s0, -1
  bne a0, s0, fail
  li gp, 11
  slli a0, s3, 31
  bne a0, s0, fail
  li gp, 12
  srli a0, s0, 31
  li t0, 1
  bne a0, t0, fail
  li gp, 13
  srai a0, s0, 31
  bne a0, s2, fail
  li gp, 14
  srai a0, s4, 1
  li t0, -4
  bne a0, t0, fail
  li gp, 15
  lui a0, 0xfffff
  li t0, 0xfffff000
  bne a0, t0, fail
  li gp, 16
here16:
  auipc a0, 1
  la t0, here16
  li t1, 0x1000
  add t0, t0, t1
  bne a0, t0, fail
  li gp, 17
  li a0, 0x12345678
  lui t0, 0x12345
  ori t0, t0, 0x678
  bne a0, t0, fail
  li gp, 18
  li a0, 0xfffff800
  addi t0, zero, -2048
  bne a0, t0, fail
  li gp, 19
  slti a0, s0, 0
  li t0, 1
  bne a0, t0, fail
  li gp, 20
  sltiu a0, s3, 0
  bne a0, zero, fail
  li gp, 21
  seqz a0, zero
  li t0, 1
  bne a0, t0, fail
  li gp, 22
  snez a0, s4
  bne a0, t0, fail
  li gp, 23
  sltz a0, s4
  bne a0, t0, fail
  li gp, 24
  sgtz a0, s4
  bne a0, zero, fail
  li gp, 25
  neg a0, s4
  li t0, 7
  bne a0, t0, fail
  li gp, 26
  not a0, s3
  li t0, -6
  bne a0, t0, fail
  li gp, 27
  mv a0, s4
  bne a0, s4, fail
  li gp, 28
  li a0, 0x800
  li t0, 2047
  addi t0, t0, 1
  bne a0, t0, fail
  li gp, 29
  addi a0, s1, -2048
  li t0, 0x7ffff7ff
  bne a0, t0, fail
  li gp, 30
  lui a0, %hi(0xdeadbeef)
  addi a0, a0, %lo(0xdeadbeef)
  li t0, 0xdeadbeef
  bne a0, t0, fail

pass:
  li a0, 0
  j exit
fail:
  mv a0, gp
exit:
  li a7, 93
  ecall
