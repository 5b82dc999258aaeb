module TopModule(input [7:0] gray, output reg [7:0] bin);
  integer i;
  always @* begin
    bin[0] = gray[0];
    for (i = 1; i < 8; i = i + 1)   // XOR chain runs from the wrong end
      bin[i] = bin[i-1] ^ gray[i];
  end
endmodule
