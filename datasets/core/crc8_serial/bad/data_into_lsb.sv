module TopModule(input clk, input reset, input clear, input valid, input din,
                 output reg [7:0] crc);
  // shifts the data bit into the register (augmented-message form) instead of
  // XORing it into the feedback
  always @(posedge clk) begin
    if (reset || clear) crc <= 8'h00;
    else if (valid)     crc <= {crc[6:0], din} ^ (crc[7] ? 8'h07 : 8'h00);
  end
endmodule
